"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormResult } from "@/components/ui/form-result";
import { initialFormState, type FormState } from "@/lib/actions/form-state";

type Choice = { value: string; label: string; variant?: "primary" | "secondary" | "danger" };

/** A small form of one or more buttons acting on one row (accept, mark kept…), with its message inside it. */
export function RowActionForm({
  action,
  choices,
  label,
  note,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  choices: Choice[];
  /** Names the form for screen readers, e.g. "Answer: a call every evening". */
  label: string;
  /** Said above the buttons while there is no result message (e.g. what the Undo would take back). */
  note?: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  // The buttons are the only fields, so a refused choice is said above them.
  const message = state.message ?? Object.values(state.fieldErrors ?? {})[0]?.[0];
  return (
    <form action={formAction} aria-label={label} className="mt-2 space-y-2">
      <FormResult state={state} message={message} />
      {note && !message ? <p className="text-sm text-muted">{note}</p> : null}
      <div className="flex flex-wrap gap-2">
        {choices.map((c) => (
          <Button key={c.value} type="submit" name="choice" value={c.value} variant={c.variant ?? "secondary"} disabled={pending}>
            {c.label}
          </Button>
        ))}
      </div>
    </form>
  );
}
