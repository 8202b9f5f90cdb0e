"use client";

import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import type { FormState } from "@/lib/actions/form-state";

type FormAction = (prev: FormState, formData: FormData) => Promise<FormState>;

/** Stops a measure's schedule after asking first; the answers given so far stay. */
export function MeasuresStopForm({ action, title }: { action: FormAction; title: string }) {
  return (
    <ConfirmActionForm
      action={action}
      openLabel="Stop schedule"
      question={<>Stop asking for “{title}”? The partners will not be asked again; their answers so far stay.</>}
      confirmLabel="Yes, stop it"
      pendingLabel="Stopping…"
      keepLabel="Keep it"
    />
  );
}
