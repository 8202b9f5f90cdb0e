"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { initialFormState } from "@/lib/actions/form-state";
import { changePasswordAction } from "./actions";

export function PasswordForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState(changePasswordAction, initialFormState);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <TextField label="Current password" name="current" type="password" autoComplete="current-password" required errors={state.fieldErrors?.current} />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        required
        errors={state.fieldErrors?.password}
      />
      <TextField label="New password again" name="confirm" type="password" autoComplete="new-password" required errors={state.fieldErrors?.confirm} />
      <Button type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
