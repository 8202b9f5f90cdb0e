import Link from "next/link";
import { AnswerView } from "@/components/exercise-form/answer-view";
import { getMyRecord, type MyRecord } from "@/lib/dal/partner-record";
import { formatDay, isoMinute } from "@/lib/format";
import { PROMISE_STATUS, RECURRENCE_LABELS } from "@/lib/labels";
import { CONTACT_ANSWER_LABELS, getExerciseKind, MOOD_LABELS, VISIBILITY_LABELS } from "@/lib/program";
import { PrintButton } from "./print-button";
import "./print.css";
import type { Metadata } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = { title: "My record, printable" };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="border-t border-line pt-4">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-2">{children}</div>
    </section>
  );
}

function None({ children }: { children: ReactNode }) {
  return <p className="text-muted">{children}</p>;
}

const by = (party: "you" | "your partner") => (party === "you" ? "You" : "Your partner");

function Answers({ record }: { record: MyRecord }) {
  if (record.answers.length === 0) return <None>No answers yet.</None>;
  return (
    <ol className="space-y-4">
      {record.answers.map((a) => {
        const kind = getExerciseKind(a.kind);
        return (
          <li key={a.id} className="break-inside-avoid">
            <p className="font-semibold">
              {a.exercise} · step {a.step}
            </p>
            <p className="text-sm text-muted">
              {by(a.writtenBy)} · {a.status === "submitted" && a.submittedAt ? `sent ${formatDay(a.submittedAt.slice(0, 10))}` : "draft, not sent"} ·{" "}
              {a.writtenBy === "you" ? `seen by: ${VISIBILITY_LABELS[a.visibility].toLowerCase()}` : "shared with you"}
            </p>
            <div className="mt-1">
              {a.sealed || !a.answer ? (
                <p className="text-sm">Sent. For your safety it is not shown again; your counsellor has it.</p>
              ) : kind ? (
                <AnswerView fields={kind.fields} payload={a.answer} />
              ) : (
                <pre className="text-sm whitespace-pre-wrap">{JSON.stringify(a.answer, null, 2)}</pre>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

export default async function PrintableRecordPage() {
  const record = await getMyRecord("print");
  const { profile } = record;
  return (
    <article data-print-record className="mx-auto max-w-3xl space-y-5 print:max-w-none">
      <div data-print="hide" className="flex flex-wrap items-center gap-3">
        <PrintButton />
        <Link href="/record" className="inline-flex min-h-11 items-center font-medium text-brand underline underline-offset-2">
          Back to my record
        </Link>
      </div>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">My record in Mend</h1>
        <p className="text-muted">
          {profile.name} · made {isoMinute(record.exportedAt, profile.timeZone)} ({profile.timeZone})
        </p>
      </div>
      <ul className="list-disc space-y-1 pl-5 text-sm text-muted">
        {record.about.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>

      <Section id="profile-heading" title="About me">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="text-muted">Name</dt>
          <dd>{profile.name}</dd>
          <dt className="text-muted">Email</dt>
          <dd className="break-all">{profile.email}</dd>
          <dt className="text-muted">Couple</dt>
          <dd>
            {profile.couple.name}
            {profile.partnerName ? `, with ${profile.partnerName}` : ""} · since {formatDay(profile.couple.startedOn)} · step {profile.couple.currentStep}
          </dd>
          <dt className="text-muted">Counsellor</dt>
          <dd>
            {profile.counsellor}, {profile.clinic}
          </dd>
          <dt className="text-muted">Time zone</dt>
          <dd>{profile.timeZone}</dd>
        </dl>
      </Section>

      <Section id="check-ins-heading" title={`My check-ins (${record.checkIns.length})`}>
        {record.checkIns.length === 0 ? (
          <None>No check-ins yet.</None>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="py-1.5 pr-3">Day</th>
                  <th scope="col" className="py-1.5 pr-3">Trust</th>
                  <th scope="col" className="py-1.5 pr-3">Closeness</th>
                  <th scope="col" className="py-1.5 pr-3">Mood</th>
                  <th scope="col" className="py-1.5">Contact</th>
                </tr>
              </thead>
              {record.checkIns.map((c) => (
                <tbody key={c.date} className="border-b border-line break-inside-avoid">
                  <tr>
                    <th scope="row" className="py-1.5 pr-3 font-normal whitespace-nowrap">
                      {formatDay(c.date)}
                    </th>
                    <td className="py-1.5 pr-3">{c.trust}</td>
                    <td className="py-1.5 pr-3">{c.closeness}</td>
                    <td className="py-1.5 pr-3">{MOOD_LABELS[c.mood]}</td>
                    <td className="py-1.5">{CONTACT_ANSWER_LABELS[c.contact]}</td>
                  </tr>
                  {c.note ? (
                    <tr>
                      <td colSpan={5} className="pb-2 whitespace-pre-wrap break-words">
                        <span className="text-muted">Note ({VISIBILITY_LABELS[c.noteVisibility].toLowerCase()}): </span>
                        {c.note}
                      </td>
                    </tr>
                  ) : null}
                </tbody>
              ))}
            </table>
          </div>
        )}
      </Section>

      <Section id="answers-heading" title={`Exercise answers (${record.answers.length})`}>
        <Answers record={record} />
      </Section>

      <Section id="work-heading" title="Work assigned to me">
        {record.assignments.length === 0 ? (
          <None>Nothing assigned yet.</None>
        ) : (
          <ul className="space-y-2">
            {record.assignments.map((a) => (
              <li key={a.id} className="break-inside-avoid">
                <p className="font-medium">
                  Step {a.step}: {a.exercise}
                </p>
                <p className="text-sm text-muted">
                  For {a.forWhom} · {RECURRENCE_LABELS[a.recurrence as keyof typeof RECURRENCE_LABELS] ?? a.recurrence} · due {formatDay(a.dueOn)} · {a.status}
                </p>
                {a.instructions ? <p className="text-sm whitespace-pre-wrap break-words">{a.instructions}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="agreements-heading" title="Our agreements">
        {record.agreements.length === 0 ? (
          <None>No agreements yet.</None>
        ) : (
          <ul className="space-y-2">
            {record.agreements.map((a) => (
              <li key={a.id} className="break-inside-avoid">
                <p className="font-medium break-words">{a.title}</p>
                <p className="text-sm text-muted">
                  Suggested by {a.proposedBy} · {a.status}
                  {a.effectiveFrom ? ` · from ${formatDay(a.effectiveFrom)}` : ""}
                  {a.effectiveUntil ? ` until ${formatDay(a.effectiveUntil)}` : ""}
                </p>
                {a.details ? <p className="text-sm whitespace-pre-wrap break-words">{a.details}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="promises-heading" title="Our promises">
        {record.promises.length === 0 ? (
          <None>No promises yet.</None>
        ) : (
          <ul className="space-y-2">
            {record.promises.map((p) => (
              <li key={p.id} className="break-inside-avoid">
                <p className="font-medium break-words">{p.text}</p>
                <p className="text-sm text-muted">
                  Made by {p.madeBy} · due {isoMinute(p.dueAt, profile.timeZone)} ·{" "}
                  {PROMISE_STATUS[p.status as keyof typeof PROMISE_STATUS]?.label ?? p.status}
                </p>
                {p.details ? <p className="text-sm whitespace-pre-wrap break-words">{p.details}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </article>
  );
}
