"use client";

import { useActionState, useState } from "react";
import { useFormStatus } from "react-dom";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonProps } from "@/components/ui/button";
import { initialFormState, type FormState } from "./form-state";

/** A submit button that is disabled, and says so, while its form's action runs. */
export function PendingButton({ pendingLabel, children, ...props }: ButtonProps & { pendingLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending} {...props}>
      {pending ? pendingLabel : children}
    </Button>
  );
}

/** Marks the current step done (and moves the couple to the next), after a confirmation. */
export function CompleteStepForm({ action, step }: { action: (prev: FormState, formData: FormData) => Promise<FormState>; step: number }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!window.confirm(`Mark step ${step} as done and move the couple to the next step?`)) e.preventDefault();
      }}
      className="space-y-2"
    >
      <input type="hidden" name="step" value={step} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {pending ? "Saving…" : `Mark step ${step} done`}
      </Button>
      {state.message ? <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert> : null}
    </form>
  );
}

/** A read-only field with the link and a copy button. */
export function CopyLink({ url, label }: { url: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <input
        readOnly
        value={url}
        aria-label={label}
        onFocus={(e) => e.currentTarget.select()}
        className="min-w-0 flex-1 rounded-md border border-line bg-bg px-2 py-1 font-mono text-sm"
      />
      <Button
        size="sm"
        variant="secondary"
        onClick={async () => {
          await navigator.clipboard?.writeText(url);
          setCopied(true);
        }}
      >
        {copied ? "Copied" : "Copy link"}
      </Button>
    </div>
  );
}

/** Issues a new invitation link (the old one stops working) and shows it to copy. */
export function ReissueForm({ action, name }: { action: () => Promise<FormState>; name: string }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="space-y-2">
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {pending ? "Making a link…" : `New link for ${name}`}
      </Button>
      {state.message ? <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert> : null}
      {state.values?.url ? <CopyLink url={state.values.url} label={`Invitation link for ${name}`} /> : null}
    </form>
  );
}
