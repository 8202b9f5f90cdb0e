import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getMyContactExpectation, listAgreements, type AgreementView } from "@/lib/dal/agreements";
import { formatDay, formatMinutesLeft, isoDay } from "@/lib/format";
import { AGREEMENT_FREQUENCY_OPTIONS, agreementDates, frequencyLabel } from "@/lib/validations/agreements";
import { RowActionForm } from "../row-action-form";
import { endAgreementAction, respondToAgreementAction, undoAgreementAcceptanceAction } from "./actions";
import { AgreementForm } from "./agreement-form";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Agreements" };

function AgreementItem({ agreement }: { agreement: AgreementView }) {
  const dates = agreementDates(agreement);
  return (
    <li className="py-3">
      <p className="font-semibold break-words">{agreement.title}</p>
      {agreement.details ? <p className="mt-1 whitespace-pre-wrap break-words">{agreement.details}</p> : null}
      <p className="mt-1 text-sm text-muted">
        {agreement.checkInsPerWeek !== null ? `Contact: ${frequencyLabel(agreement.checkInsPerWeek).toLowerCase()} · ` : ""}
        Suggested by {agreement.proposedByMe ? "you" : agreement.proposedByName} on {isoDay(agreement.createdAt)}
      </p>
      {dates ? <p className="mt-1 text-sm">{dates}</p> : null}
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
      ) : agreement.canEnd ? (
        <RowActionForm
          label={`End: ${agreement.title}`}
          action={endAgreementAction.bind(null, agreement.id)}
          choices={[{ value: "end", label: "End this agreement" }]}
        />
      ) : null}
    </li>
  );
}

/**
 * The confirmation after accepting, ending or taking back an acceptance, named by the agreement it
 * concerns. Accepting moments ago can be undone from here.
 */
function Confirmation({ agreements, accepted, ended, undone }: { agreements: AgreementView[]; accepted?: string; ended?: string; undone?: string }) {
  const acceptedOne = accepted ? agreements.find((a) => a.id === accepted && a.status === "accepted") : undefined;
  if (acceptedOne) {
    const replaced = agreements.find((a) => a.phase === "replaced" && a.replacedByTitle === acceptedOne.title);
    return (
      <div className="space-y-2">
        <Alert tone="success">
          Accepted: “{acceptedOne.title}” is now one of your agreements
          {acceptedOne.effectiveFrom ? `, from ${formatDay(acceptedOne.effectiveFrom)}` : ""}.
          {replaced ? ` It replaces “${replaced.title}”.` : ""}
        </Alert>
        {acceptedOne.undoableUntil ? (
          <RowActionForm
            label={`Undo accepting: ${acceptedOne.title}`}
            action={undoAgreementAcceptanceAction.bind(null, acceptedOne.id)}
            note={`Tapped Accept by mistake? You can undo it for ${formatMinutesLeft(acceptedOne.undoableUntil)}.`}
            choices={[{ value: "undo", label: "Undo" }]}
          />
        ) : null}
      </div>
    );
  }
  const endedOne = ended ? agreements.find((a) => a.id === ended && a.phase === "ended") : undefined;
  if (endedOne) return <Alert tone="success">Ended: “{endedOne.title}” is no longer one of your current agreements.</Alert>;
  const undoneOne = undone ? agreements.find((a) => a.id === undone && a.status === "proposed") : undefined;
  if (undoneOne) return <Alert tone="success">Undone: “{undoneOne.title}” is waiting for your answer again.</Alert>;
  return null;
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AgreementsPage({ searchParams }: Props) {
  const [query, agreements, contact] = await Promise.all([searchParams, listAgreements(), getMyContactExpectation()]);
  const param = (name: string) => (typeof query[name] === "string" ? (query[name] as string) : undefined);
  const groups = [
    { id: "accepted", title: "Our agreements", items: agreements.filter((a) => a.phase === "current"), empty: "No current agreements." },
    { id: "proposed", title: "Waiting for an answer", items: agreements.filter((a) => a.phase === "proposed"), empty: "Nothing waiting." },
    { id: "past", title: "Ended or replaced", items: agreements.filter((a) => a.phase === "ended" || a.phase === "replaced"), empty: "None." },
    { id: "declined", title: "Not agreed", items: agreements.filter((a) => a.phase === "declined"), empty: "None." },
  ];
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <PageHeader title="Agreements" description="Practical changes you both agree to. One of you suggests, the other accepts." />
      <Confirmation agreements={agreements} accepted={param("accepted")} ended={param("ended")} undone={param("undone")} />
      <p className="text-sm" data-testid="contact-expectation">
        <span className="font-medium">Check-ins expected now:</span> {contact.label}
      </p>
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
