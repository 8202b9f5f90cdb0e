"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { initialFormState } from "@/lib/actions/form-state";
import { inviteCounsellorAction } from "../actions";

/** Invite a counsellor by name and email; shows the one-time link to pass on. */
export function InviteCounsellorForm() {
  const [state, action, pending] = useActionState(inviteCounsellorAction, initialFormState);
  const [copied, setCopied] = useState(false);
  const invited = state.status === "ok" ? state.data : undefined;
  return (
    <form action={action} className="space-y-3" aria-label="Invite a counsellor" noValidate>
      {state.message && state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Name" name="name" autoComplete="off" defaultValue={state.values?.name ?? ""} errors={state.fieldErrors?.name} />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          defaultValue={state.values?.email ?? ""}
          errors={state.fieldErrors?.email}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Inviting…" : "Invite counsellor"}
      </Button>
      {invited ? (
        <Alert tone="success" className="space-y-2">
          <p>{state.message}</p>
          <div className="flex flex-wrap items-center gap-2">
            <input
              readOnly
              value={invited.url}
              aria-label="Invitation link"
              className="min-w-0 flex-1 rounded-md border border-line bg-surface px-2 py-1 font-mono text-xs text-ink"
              onFocus={(e) => e.currentTarget.select()}
            />
            <Button
              size="sm"
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(invited.url);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy link"}
            </Button>
          </div>
        </Alert>
      ) : null}
    </form>
  );
}
