import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listAgreements, type AgreementView } from "@/lib/dal/agreements";
import { isoDay } from "@/lib/format";
import { AGREEMENT_FREQUENCY_OPTIONS } from "@/lib/validations/agreements";
import { RowActionForm } from "../row-action-form";
import { respondToAgreementAction } from "./actions";
import { AgreementForm } from "./agreement-form";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Agreements" };

function frequencyLabel(n: number | null): string | null {
  if (n === null) return null;
  return AGREEMENT_FREQUENCY_OPTIONS.find((o) => o.value === String(n))?.label ?? `${n} days a week`;
}

function AgreementItem({ agreement }: { agreement: AgreementView }) {
  const frequency = frequencyLabel(agreement.checkInsPerWeek);
  return (
    <li className="py-3">
      <p className="font-semibold break-words">{agreement.title}</p>
      {agreement.details ? <p className="mt-1 whitespace-pre-wrap break-words">{agreement.details}</p> : null}
      <p className="mt-1 text-sm text-muted">
        {frequency ? `Contact: ${frequency.toLowerCase()} · ` : ""}
        Suggested by {agreement.proposedByMe ? "you" : agreement.proposedByName} on {isoDay(agreement.createdAt)}
      </p>
      {agreement.canRespond ? (
        <RowActionForm
          label={`Answer: ${agreement.title}`}
          action={respondToAgreementAction.bind(null, agreement.id)}
          choices={[
            { value: "accept", label: "Accept", variant: "primary" },
            { value: "decline", label: "Decline" },
          ]}
        />
      ) : agreement.status === "proposed" ? (
        <p className="mt-1 text-sm text-muted">Waiting for your partner to answer.</p>
      ) : null}
    </li>
  );
}

export default async function AgreementsPage() {
  const agreements = await listAgreements();
  const groups = [
    { id: "accepted", title: "Our agreements", items: agreements.filter((a) => a.status === "accepted"), empty: "No accepted agreements yet." },
    { id: "proposed", title: "Waiting for an answer", items: agreements.filter((a) => a.status === "proposed"), empty: "Nothing waiting." },
    {
      id: "declined",
      title: "Not agreed",
      items: agreements.filter((a) => a.status === "declined" || a.status === "withdrawn"),
      empty: "None.",
    },
  ];
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <PageHeader title="Agreements" description="Practical changes you both agree to. One of you suggests, the other accepts." />
      {groups.map((g) => (
        <Card key={g.id} aria-labelledby={`${g.id}-heading`}>
          <CardTitle id={`${g.id}-heading`}>
            {g.title} <Badge>{g.items.length}</Badge>
          </CardTitle>
          {g.items.length === 0 ? (
            <p className="mt-1 text-muted">{g.empty}</p>
          ) : (
            <ul className="divide-y divide-line">
              {g.items.map((a) => (
                <AgreementItem key={a.id} agreement={a} />
              ))}
            </ul>
          )}
        </Card>
      ))}
      <Card aria-labelledby="suggest-heading">
        <CardTitle id="suggest-heading">Suggest an agreement</CardTitle>
        <div className="mt-3">
          <AgreementForm frequencies={AGREEMENT_FREQUENCY_OPTIONS} />
        </div>
      </Card>
    </div>
  );
}
