"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { initialFormState } from "@/lib/actions/form-state";
import { createCoupleAction } from "./actions";
import { CopyLink } from "../[coupleId]/couple-controls";

/** Name the couple, invite both partners, then show the two links to pass on. */
export function NewCoupleForm({ today }: { today: string }) {
  const [state, formAction, pending] = useActionState(createCoupleAction, initialFormState);
  const created = state.status === "ok" ? state.data : undefined;
  if (created) {
    return (
      <Card className="space-y-4">
        <Alert tone="success">The couple is on your caseload. Each partner needs their own link to set a password.</Alert>
        <ul className="space-y-4">
          {created.invitations.map((inv) => (
            <li key={inv.email} className="space-y-1">
              <p>
                <span className="font-medium">{inv.name}</span> <span className="text-muted">{inv.email}</span>
              </p>
              <p className="text-sm text-muted">
                {inv.emailed ? "We emailed this link. " : "Email isn't set up, so copy this link and send it yourself. "}
                It works once, until {inv.expiresOn}.
              </p>
              <CopyLink url={inv.url} label={`Invitation link for ${inv.name}`} />
            </li>
          ))}
        </ul>
        <Link href={`/couples/${created.coupleId}`} className="inline-block font-medium text-brand hover:underline">
          Go to the couple&apos;s page
        </Link>
      </Card>
    );
  }
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="max-w-2xl space-y-4" noValidate>
      <Card className="space-y-3">
        <CardTitle>The couple</CardTitle>
        <TextField label="Couple name" hint="Usually their first names, such as Alex & Sam." name="name" defaultValue={v.name} errors={e.name} required />
        <TextField label="Start date" name="startedOn" type="date" defaultValue={v.startedOn ?? today} errors={e.startedOn} required />
      </Card>
      {[0, 1].map((i) => (
        <Card key={i} className="space-y-3">
          <CardTitle>Partner {i + 1}</CardTitle>
          <TextField
            label={`Partner ${i + 1} name`}
            name={`partners.${i}.name`}
            defaultValue={v[`partners.${i}.name`]}
            errors={e[`partners.${i}.name`]}
            autoComplete="off"
            required
          />
          <TextField
            label={`Partner ${i + 1} email`}
            name={`partners.${i}.email`}
            type="email"
            defaultValue={v[`partners.${i}.email`]}
            errors={e[`partners.${i}.email`]}
            autoComplete="off"
            required
          />
        </Card>
      ))}
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create couple and invitations"}
      </Button>
    </form>
  );
}
