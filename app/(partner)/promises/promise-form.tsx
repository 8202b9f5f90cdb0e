"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormResult } from "@/components/ui/form-result";
import { initialFormState } from "@/lib/actions/form-state";
import { makePromiseAction } from "./actions";

export function PromiseForm() {
  const [state, action, pending] = useActionState(makePromiseAction, initialFormState);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate key={state.savedAt ?? 0}>
      <TextField
        label="What I promise"
        hint="Something small and specific, for example: I'll be home by 6 on Thursday."
        name="text"
        defaultValue={values.text ?? ""}
        errors={errors.text}
      />
      <TextField
        label="When it will be done by"
        hint="A date and time, so your partner can tell whether it was kept."
        name="dueAt"
        type="datetime-local"
        defaultValue={values.dueAt ?? ""}
        errors={errors.dueAt}
      />
      <TextAreaField label="Any details (optional)" name="details" defaultValue={values.details ?? ""} errors={errors.details} />
      <FormResult state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Make this promise"}
      </Button>
    </form>
  );
}
