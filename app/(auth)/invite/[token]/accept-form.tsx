"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { initialFormState } from "@/lib/actions/form-state";
import { acceptInvitationAction } from "./actions";

export function AcceptForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState(acceptInvitationAction, initialFormState);
  // A refusal on the link itself (expired, used, made up): setting a password here can't work.
  const ended = state.fieldErrors?.token?.[0];
  if (ended) {
    return (
      <div className="space-y-3">
        <Alert tone="error">{ended}</Alert>
        <Link href="/login" className="font-medium text-brand underline">
          Go to sign in
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers store the new password against the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <TextField
        label="Choose a password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters. A short sentence works well."
        required
        errors={state.fieldErrors?.password}
      />
      <TextField label="Type it again" name="confirm" type="password" autoComplete="new-password" required errors={state.fieldErrors?.confirm} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Setting up…" : "Set password and continue"}
      </Button>
    </form>
  );
}
