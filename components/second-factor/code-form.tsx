"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { initialFormState } from "@/lib/actions/form-state";
import type { FormState } from "@/lib/actions/form-state";
import { RecoveryCodes } from "./recovery-codes";

/** What a code form's action may hand back: recovery codes, right after enrolling. */
export type CodeResult = { recoveryCodes?: string[] };

type Props = {
  action: (state: FormState<CodeResult>, formData: FormData) => Promise<FormState<CodeResult>>;
  label: string;
  hint: string;
  submit: string;
  /** Where "Continue" goes once recovery codes have been shown. */
  continueHref?: string;
};

/** One code field (app code or recovery code); after enrolling, shows the recovery codes once. */
export function CodeForm({ action, label, hint, submit, continueHref = "/" }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const codes = state.status === "ok" ? state.data?.recoveryCodes : undefined;
  if (codes) {
    return (
      <div className="space-y-4">
        <Alert tone="success">Two-factor sign-in is on.</Alert>
        <RecoveryCodes codes={codes} />
        <Link href={continueHref} className="inline-block font-medium text-brand underline underline-offset-2">
          I&apos;ve saved them — continue
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.message ? <Alert tone={state.status === "ok" ? "success" : "error"}>{state.message}</Alert> : null}
      <TextField
        label={label}
        name="code"
        hint={hint}
        autoComplete="one-time-code"
        inputMode="text"
        autoCapitalize="none"
        spellCheck={false}
        required
        errors={state.fieldErrors?.code}
      />
      <Button type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? "Checking…" : submit}
      </Button>
    </form>
  );
}
