import { AnswerView } from "@/components/exercise-form/answer-view";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import type { ActivityList, CoupleActivity } from "@/lib/dal/couples";
import { formatSubmitted, isoDay } from "@/lib/format";
import { CONTACT_ANSWER_LABELS, getExerciseKind, MOOD_LABELS, type ContactAnswer, type FieldSpec, type Mood } from "@/lib/program";
import { agreementDates, type AgreementPhase } from "@/lib/validations/agreements";
import { ShowMoreLink } from "./show-more-link";
import type { ReactNode } from "react";

export function CounsellorOnly() {
  return <Badge tone="brand">Counsellor only</Badge>;
}

function Section({
  id,
  title,
  empty,
  count,
  more,
  children,
}: {
  id: string;
  title: string;
  empty: string;
  count: number;
  /** The link to older rows, when there are any. */
  more?: { href: string | null; label: string };
  children: ReactNode;
}) {
  return (
    <Card aria-labelledby={id}>
      <CardTitle id={id}>{title}</CardTitle>
      {count === 0 ? <p className="mt-2 text-muted">{empty}</p> : children}
      {more?.href ? <ShowMoreLink href={more.href}>{more.label}</ShowMoreLink> : null}
    </Card>
  );
}

function AnswerValue({ field, value }: { field: FieldSpec | undefined; value: unknown }): ReactNode {
  if (value === undefined || value === null || value === "") return <span className="text-muted">—</span>;
  if (Array.isArray(value)) {
    return (
      <ul className="list-disc space-y-1 pl-5">
        {value.map((item, i) => (
          <li key={i}>
            {item && typeof item === "object" ? (
              <dl>
                {Object.entries(item as Record<string, unknown>).map(([k, v]) => {
                  const sub = field?.itemFields?.find((f) => f.name === k);
                  return (
                    <div key={k}>
                      <dt className="inline font-medium">{sub?.label ?? k}: </dt>
                      <dd className="inline">
                        <AnswerValue field={sub} value={v} />
                      </dd>
                    </div>
                  );
                })}
              </dl>
            ) : (
              String(item)
            )}
          </li>
        ))}
      </ul>
    );
  }
  if (field?.options) return field.options.find((o) => o.value === value)?.label ?? String(value);
  return <span className="whitespace-pre-wrap">{String(value)}</span>;
}

/** The four activity lists the couple's counsellor reads: newest first, counsellor-only items marked. */
const AGREEMENT_PHASE_LABELS: Record<AgreementPhase, string> = {
  proposed: "proposed",
  declined: "not agreed",
  current: "current",
  ended: "ended",
  replaced: "replaced",
};

export function ActivitySections({
  activity,
  zone = "UTC",
  moreHrefs,
}: {
  activity: CoupleActivity;
  zone?: string;
  /** Each list's link to its next older page, or null when it is all shown. */
  moreHrefs?: Record<ActivityList, string | null>;
}) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Section id="checkins-heading" title="Recent check-ins"
        empty="No check-ins yet."
        count={activity.checkIns.length}
        more={{ href: moreHrefs?.checkIns ?? null, label: "Show older check-ins" }}
      >
        <ul className="mt-2 divide-y divide-line">
          {activity.checkIns.map((c) => (
            <li key={c.id} className="py-2 text-sm">
              <p>
                <span className="font-medium">{c.partnerName}</span> · <time dateTime={c.date}>{c.date}</time>
              </p>
              <p className="text-muted">
                Trust {c.trust} · closeness {c.closeness} · mood {MOOD_LABELS[c.mood as Mood] ?? c.mood} · contact:{" "}
                {CONTACT_ANSWER_LABELS[c.contact as ContactAnswer] ?? c.contact}
              </p>
              {c.note ? (
                <p className="mt-1 whitespace-pre-wrap">
                  {c.noteVisibility === "counsellor_only" ? (
                    <>
                      <CounsellorOnly />{" "}
                    </>
                  ) : null}
                  {c.note}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="answers-heading" title="Exercise answers"
        empty="No answers sent yet."
        count={activity.answers.length}
        more={{ href: moreHrefs?.answers ?? null, label: "Show older answers" }}
      >
        <ul className="mt-2 divide-y divide-line">
          {activity.answers.map((a) => {
            const kind = getExerciseKind(a.exerciseKind);
            return (
              <li key={a.id} className="py-2 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{kind?.title ?? a.exerciseKind}</span>
                  <span className="text-muted">
                    {a.partnerName} · step {a.step} ·{" "}
                    <time dateTime={a.submittedOn ?? undefined}>{formatSubmitted(a.submittedOn, a.recurrence === "once" ? a.dueOn : null)}</time>
                  </span>
                  {a.visibility === "counsellor_only" ? <CounsellorOnly /> : <Badge>Shared</Badge>}
                </p>
                <div className="mt-1">
                  {kind ? (
                    <AnswerView fields={kind.fields} payload={a.payload} concerning={a.concerning} />
                  ) : (
                    <dl className="space-y-1">
                      {Object.entries(a.payload).map(([key, value]) => (
                        <div key={key}>
                          <dt className="font-medium text-muted">{key}</dt>
                          <dd>
                            <AnswerValue field={undefined} value={value} />
                          </dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </Section>
      <Section id="agreements-heading" title="Agreements"
        empty="No agreements yet."
        count={activity.agreements.length}
        more={{ href: moreHrefs?.agreements ?? null, label: "Show older agreements" }}
      >
        <ul className="mt-2 divide-y divide-line">
          {activity.agreements.map((a) => (
            <li key={a.id} className="py-2 text-sm">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{a.title}</span>
                <Badge tone={a.phase === "current" ? "ok" : a.phase === "proposed" ? "brand" : "neutral"}>{AGREEMENT_PHASE_LABELS[a.phase]}</Badge>
              </p>
              {a.details ? <p className="whitespace-pre-wrap">{a.details}</p> : null}
              <p className="text-muted">
                Proposed by {a.proposedByName} on {isoDay(a.createdAt, zone)}
                {a.checkInsPerWeek ? ` · ${a.checkInsPerWeek} check-ins a week` : ""}
              </p>
              {agreementDates(a) ? <p>{agreementDates(a)}</p> : null}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="promises-heading" title="Promises"
        empty="No promises yet."
        count={activity.promises.length}
        more={{ href: moreHrefs?.promises ?? null, label: "Show older promises" }}
      >
        <ul className="mt-2 divide-y divide-line">
          {activity.promises.map((p) => (
            <li key={p.id} className="py-2 text-sm">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{p.text}</span>
                <Badge tone={p.status === "kept" ? "ok" : p.status === "broken" ? "danger" : "neutral"}>{p.status}</Badge>
              </p>
              {p.details ? <p className="whitespace-pre-wrap">{p.details}</p> : null}
              <p className="text-muted">
                {p.madeByName} · due {isoDay(p.dueAt, zone)}
                {p.resolvedAt ? ` · settled ${isoDay(p.resolvedAt, zone)}` : ""}
              </p>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
