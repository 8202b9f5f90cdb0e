"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import type { MeasureOption } from "@/lib/dal/couple-measures";

type FormAction = (prev: FormState, formData: FormData) => Promise<FormState>;

/**
 * Schedule a measure for both partners: which one, how many weeks apart, from which day, and an
 * optional last day. The button is disabled while the action runs; the server also ignores a repeat.
 */
export function MeasuresScheduleForm({ action, options, today }: { action: FormAction; options: MeasureOption[]; today: string }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const values = state.values;
  const errors = state.fieldErrors ?? {};
  // A successful save remounts the fields with the defaults; a refused one keeps what was typed.
  const formKey = state.savedAt ?? "initial";
  return (
    <form action={formAction} className="space-y-3" aria-label="Schedule a measure" noValidate>
      <div key={formKey} className="grid gap-3 sm:grid-cols-2">
        <SelectField className="sm:col-span-2" label="Measure" name="measureKey" defaultValue={values?.measureKey ?? options[0]?.key} errors={errors.measureKey}>
          {options.map((m) => (
            <option key={m.key} value={m.key}>
              {m.title} (version {m.version}){m.validated ? "" : ", Mend's own, not validated"}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Every how many weeks"
          hint="Both partners answer on the start day, then this many weeks apart."
          name="everyWeeks"
          type="number"
          inputMode="numeric"
          min={1}
          max={12}
          defaultValue={values?.everyWeeks ?? "2"}
          errors={errors.everyWeeks}
        />
        <TextField label="Start day" name="startsOn" type="date" min={today} defaultValue={values?.startsOn ?? today} errors={errors.startsOn} />
        <TextField
          label="Last day"
          hint="Optional. They also answer on this day."
          name="endsOn"
          type="date"
          min={today}
          defaultValue={values?.endsOn ?? ""}
          errors={errors.endsOn}
        />
      </div>
      {state.message ? <Alert tone={state.status === "ok" ? "success" : "error"}>{state.message}</Alert> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Scheduling…" : "Schedule"}
      </Button>
    </form>
  );
}
