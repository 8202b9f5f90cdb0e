"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonProps } from "@/components/ui/button";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { initialFormState, type FormState } from "@/lib/actions/form-state";

type FormAction<D = never> = (prev: FormState<D>, formData: FormData) => Promise<FormState<D>>;

/**
 * One button that runs an action (cancel an assignment, mark a concern reviewed), disabled while
 * it runs. Success shows on the refreshed page; a failure is said beside the button.
 */
export function ActionButtonForm({
  action,
  pendingLabel,
  children,
  ...props
}: Omit<ButtonProps, "type" | "action"> & { action: FormAction; pendingLabel: string }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="space-y-2">
      <Button type="submit" disabled={pending} {...props}>
        {pending ? pendingLabel : children}
      </Button>
      {state.status === "error" && state.message ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}

/** Marks the current step done (and moves the couple to the next), after asking in the page. */
export function CompleteStepForm({ action, step }: { action: FormAction; step: number }) {
  return (
    <ConfirmActionForm
      action={action}
      openLabel={`Mark step ${step} done`}
      openVariant="secondary"
      question={`Mark step ${step} as done and move the couple to the next step?`}
      confirmLabel={`Yes, step ${step} is done`}
      confirmVariant="primary"
      pendingLabel="Saving…"
      keepLabel="Not yet"
    >
      <input type="hidden" name="step" value={step} />
    </ConfirmActionForm>
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
export function ReissueForm({ action, name }: { action: FormAction<{ url: string }>; name: string }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="space-y-2">
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {pending ? "Making a link…" : `New link for ${name}`}
      </Button>
      {state.message ? <Alert tone={state.status === "ok" ? "success" : "error"}>{state.message}</Alert> : null}
      {state.data?.url ? <CopyLink url={state.data.url} label={`Invitation link for ${name}`} /> : null}
    </form>
  );
}
