"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import { RECURRENCE_LABELS } from "@/lib/labels";

export type StepOption = { number: number; title: string; kinds: { id: string; title: string }[] };

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  steps: StepOption[];
  partners: { id: string; name: string }[];
  today: string;
  defaults: { step: number; exerciseKind?: string; forUserId?: string | null; dueOn?: string; recurrence?: string; instructions?: string };
  submitLabel: string;
  pendingLabel: string;
  /** Accessible name of the form. */
  label: string;
  /** The longest instructions accepted, handed in so the form's browser code does not carry the validation library. */
  instructionsMax: number;
};

/**
 * Assign (or edit) an exercise: a step, one of its exercise kinds, for whom, due date, how often,
 * instructions. The button is disabled while the action runs; the server also ignores a repeat.
 */
export function AssignmentForm({ action, steps, partners, today, defaults, submitLabel, pendingLabel, label, instructionsMax }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const values = state.values;
  const [step, setStep] = useState<number>(Number(values?.step ?? defaults.step));
  const kinds = steps.find((s) => s.number === step)?.kinds ?? [];
  const errors = state.fieldErrors ?? {};
  // A successful save remounts the fields with the defaults; a refused one keeps what was typed.
  const formKey = state.savedAt ?? "initial";
  return (
    <form action={formAction} className="space-y-3" aria-label={label} noValidate>
      <div key={formKey} className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Step"
          name="step"
          value={String(step)}
          onChange={(e) => setStep(Number(e.target.value))}
          errors={errors.step}
        >
          {steps.map((s) => (
            <option key={s.number} value={s.number} disabled={s.kinds.length === 0}>
              {s.number}. {s.title}
              {s.kinds.length === 0 ? " (no exercises to assign)" : ""}
            </option>
          ))}
        </SelectField>
        <SelectField
          key={`kind-${step}`}
          label="Exercise"
          name="exerciseKind"
          defaultValue={values?.exerciseKind ?? defaults.exerciseKind ?? kinds[0]?.id}
          errors={errors.exerciseKind}
        >
          {kinds.length === 0 ? <option value="">No exercise to assign at this step</option> : null}
          {kinds.map((k) => (
            <option key={k.id} value={k.id}>
              {k.title}
            </option>
          ))}
        </SelectField>
        <SelectField label="For" name="forUserId" defaultValue={values?.forUserId ?? defaults.forUserId ?? "both"} errors={errors.forUserId}>
          <option value="both">Both partners</option>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} only
            </option>
          ))}
        </SelectField>
        <TextField label="Due" name="dueOn" type="date" min={today} defaultValue={values?.dueOn ?? defaults.dueOn ?? today} errors={errors.dueOn} />
        <SelectField label="How often" name="recurrence" defaultValue={values?.recurrence ?? defaults.recurrence ?? "once"} errors={errors.recurrence}>
          {Object.entries(RECURRENCE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          className="sm:col-span-2"
          label="Instructions"
          hint={`Optional. Up to ${instructionsMax.toLocaleString("en-GB")} characters.`}
          name="instructions"
          defaultValue={values?.instructions ?? defaults.instructions ?? ""}
          errors={errors.instructions}
        />
      </div>
      {state.message ? <Alert tone={state.status === "ok" ? "success" : "error"}>{state.message}</Alert> : null}
      <Button type="submit" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}
