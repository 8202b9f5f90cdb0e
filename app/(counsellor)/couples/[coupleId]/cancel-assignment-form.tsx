"use client";

import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import type { FormState } from "@/lib/actions/form-state";

type FormAction = (prev: FormState, formData: FormData) => Promise<FormState>;

/** Cancels an assignment after asking first; the couple's history keeps a record of it. */
export function CancelAssignmentForm({ action, title }: { action: FormAction; title: string }) {
  return (
    <ConfirmActionForm
      action={action}
      openLabel="Cancel assignment"
      question={<>Cancel “{title}”? The partners will no longer see it; the couple&apos;s history keeps a record.</>}
      confirmLabel="Yes, cancel it"
      pendingLabel="Cancelling…"
      keepLabel="Keep it"
    />
  );
}
