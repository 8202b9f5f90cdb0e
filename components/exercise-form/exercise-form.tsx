"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormResult } from "@/components/ui/form-result";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
// Narrow imports: this client component needs the visibility labels, not every kind's schema.
import type { FieldSpec } from "@/lib/program/fields";
import { VISIBILITIES, VISIBILITY_LABELS, type Visibility } from "@/lib/program/visibility";
import { controlName, formDataToAnswer } from "@/lib/validations/exercise-form";
import { ChoiceGroup, scaleOptions } from "./choice-group";
import { ListField } from "./list-field";
import { SafetyHelp } from "./safety-help";

/** After a save: whether the answer raised a safety concern, so the form shows where to find help. */
type Saved = { safetyConcern: boolean };

type Props = {
  fields: FieldSpec[];
  action: (state: FormState<Saved>, formData: FormData) => Promise<FormState<Saved>>;
  initialValues: Record<string, unknown> | null;
  visibility: Visibility;
  visibilityLocked: boolean;
  /** Already sent: the form edits the sent answer and offers no draft. */
  submitted: boolean;
  submitLabel?: string;
};

function asString(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

function asRows(value: unknown): Record<string, string>[] {
  if (!Array.isArray(value)) return [];
  return value.map((row) =>
    Object.fromEntries(Object.entries((row ?? {}) as Record<string, unknown>).map(([k, v]) => [k, asString(v)])),
  );
}

/** The answer as the form last sent it, read back from the sent fields the same way the server reads it. */
function sentAnswer(fields: FieldSpec[], values: Record<string, string>): Record<string, unknown> {
  const formData = new FormData();
  for (const [name, value] of Object.entries(values)) formData.set(name, value);
  return formDataToAnswer(fields, formData);
}

/** A form built from an exercise kind's field list: any kind of the program, one component. */
export function ExerciseForm({ fields, action, initialValues, visibility, visibilityLocked, submitted, submitLabel = "Send my answer" }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const values = state.values ? sentAnswer(fields, state.values) : (initialValues ?? {});
  const errors = state.fieldErrors ?? {};
  const chosenVisibility = (state.values?.visibility as Visibility | undefined) ?? visibility;
  return (
    <form action={formAction} className="space-y-5" noValidate key={state.savedAt ?? 0}>
      {fields.map((field) => {
        const name = controlName([field.name]);
        const fieldErrors = errors[field.name];
        const value = asString(values[field.name]);
        switch (field.kind) {
          case "text":
            return <TextField key={field.name} label={field.label} hint={field.help} name={name} defaultValue={value} errors={fieldErrors} />;
          case "textarea":
            return <TextAreaField key={field.name} label={field.label} hint={field.help} name={name} defaultValue={value} errors={fieldErrors} />;
          case "date":
            return (
              <TextField key={field.name} type="datetime-local" label={field.label} hint={field.help} name={name} defaultValue={value} errors={fieldErrors} />
            );
          case "choice":
          case "rating":
            return (
              <ChoiceGroup
                key={field.name}
                legend={field.label}
                hint={field.help}
                name={name}
                required={field.required}
                options={field.kind === "rating" ? scaleOptions(field.min, field.max) : (field.options ?? [])}
                layout={field.kind === "rating" ? "scale" : "list"}
                defaultValue={value}
                errors={fieldErrors}
              />
            );
          case "list":
            return <ListField key={field.name} field={field} defaultRows={asRows(values[field.name])} errors={errors} />;
        }
      })}
      {visibilityLocked ? (
        <p className="rounded-md bg-brand-soft px-3 py-2 text-sm text-brand-strong">Only your counsellor will see these answers.</p>
      ) : (
        <ChoiceGroup
          legend="Who can read this answer?"
          name="visibility"
          required
          options={VISIBILITIES.map((v) => ({ value: v, label: VISIBILITY_LABELS[v] }))}
          defaultValue={chosenVisibility}
          errors={errors.visibility}
        />
      )}
      {/* The result and any help sit beside the buttons, where the eye and thumb are after sending. */}
      <FormResult state={state} />
      {state.data?.safetyConcern ? <SafetyHelp /> : null}
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button type="submit" name="intent" value="submit" disabled={pending}>
          {pending ? "Saving…" : submitted ? "Update my answer" : submitLabel}
        </Button>
        {submitted ? null : (
          <Button type="submit" name="intent" value="draft" variant="secondary" disabled={pending}>
            Save a draft
          </Button>
        )}
      </div>
    </form>
  );
}
