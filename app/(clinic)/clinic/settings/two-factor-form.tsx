"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { initialFormState } from "@/lib/actions/form-state";
import { clinicTwoFactorAction, resetSecondFactorAction } from "./two-factor-actions";

/** The clinic's "staff must use two-factor sign-in" switch. */
export function ClinicTwoFactorForm({ required }: { required: boolean }) {
  const [state, action, pending] = useActionState(clinicTwoFactorAction, initialFormState);
  return (
    <form action={action} className="space-y-3">
      {state.message ? <Alert tone={state.status === "ok" ? "success" : "error"}>{state.message}</Alert> : null}
      <label className="flex items-start gap-2">
        <input type="checkbox" name="required" defaultChecked={required} className="mt-1" />
        <span>Counsellors and admins must use two-factor sign-in</span>
      </label>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}

/** Resets one counsellor's second factor. */
export function ResetSecondFactorForm({ counsellorId, name }: { counsellorId: string; name: string }) {
  const [state, action, pending] = useActionState(resetSecondFactorAction, initialFormState);
  return (
    <form action={action} className="space-y-3">
      {state.message ? <Alert tone={state.status === "ok" ? "success" : "error"}>{state.message}</Alert> : null}
      <input type="hidden" name="counsellorId" value={counsellorId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Resetting…" : `Reset ${name}'s two-factor sign-in`}
      </Button>
    </form>
  );
}
