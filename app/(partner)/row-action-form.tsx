"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { PartnerFormState } from "@/lib/validations/form-state";

type Choice = { value: string; label: string; variant?: "primary" | "secondary" | "danger" };

/** A small form of one or more buttons acting on one row (accept, mark kept…), with its message inside it. */
export function RowActionForm({
  action,
  choices,
  label,
}: {
  action: (state: PartnerFormState, formData: FormData) => Promise<PartnerFormState>;
  choices: Choice[];
  /** Names the form for screen readers, e.g. "Answer: a call every evening". */
  label: string;
}) {
  const [state, formAction, pending] = useActionState<PartnerFormState, FormData>(action, {});
  return (
    <form action={formAction} aria-label={label} className="mt-2 space-y-2">
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      {state.ok ? <Alert tone="success">{state.ok}</Alert> : null}
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
