"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormResult } from "@/components/ui/form-result";
import { initialFormState } from "@/lib/actions/form-state";
import { proposeAgreementAction } from "./actions";

export function AgreementForm({ frequencies }: { frequencies: { value: string; label: string }[] }) {
  const [state, action, pending] = useActionState(proposeAgreementAction, initialFormState);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate key={state.savedAt ?? 0}>
      <TextField
        label="What we agree to"
        hint="A short, clear line, for example: a phone call every evening at 7."
        name="title"
        defaultValue={values.title ?? ""}
        errors={errors.title}
      />
      <TextAreaField
        label="The details (optional)"
        hint="Who does what, when, and what happens if it can't be done one day."
        name="details"
        defaultValue={values.details ?? ""}
        errors={errors.details}
      />
      <SelectField
        label="How often should we be in touch? (optional)"
        hint="Leave this empty if the agreement isn't about regular contact. Once accepted, it sets how many check-ins a week you aim for from that day, and replaces any earlier contact agreement."
        name="checkInsPerWeek"
        defaultValue={values.checkInsPerWeek ?? ""}
        errors={errors.checkInsPerWeek}
      >
        <option value="">Not about contact</option>
        {frequencies.map((f) => (
          <option key={f.value} value={f.value}>
            {f.label}
          </option>
        ))}
      </SelectField>
      <FormResult state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Suggest this agreement"}
      </Button>
    </form>
  );
}
