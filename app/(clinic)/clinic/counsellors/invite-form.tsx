"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { inviteCounsellorAction, type InviteState } from "../actions";

/** Invite a counsellor by name and email; shows the one-time link to pass on. */
export function InviteCounsellorForm() {
  const [state, action, pending] = useActionState<InviteState, FormData>(inviteCounsellorAction, {});
  const [copied, setCopied] = useState(false);
  return (
    <form action={action} className="space-y-3" aria-label="Invite a counsellor" noValidate>
      {state.message && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Name" name="name" autoComplete="off" defaultValue={state.ok ? "" : state.values?.name} errors={state.fieldErrors?.name} />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          defaultValue={state.ok ? "" : state.values?.email}
          errors={state.fieldErrors?.email}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Inviting…" : "Invite counsellor"}
      </Button>
      {state.ok && state.url ? (
        <Alert tone="success" className="space-y-2">
          <p>{state.message}</p>
          <div className="flex flex-wrap items-center gap-2">
            <input
              readOnly
              value={state.url}
              aria-label="Invitation link"
              className="min-w-0 flex-1 rounded-md border border-line bg-surface px-2 py-1 font-mono text-xs text-ink"
              onFocus={(e) => e.currentTarget.select()}
            />
            <Button
              size="sm"
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(state.url ?? "");
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
