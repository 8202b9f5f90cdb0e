import Link from "next/link";
import { DueMeasureItem } from "@/components/measures/due-measure-item";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import { getPartnerToday } from "@/lib/dal/partner-today";
import { JOINT_WORK_PAUSED_MESSAGE } from "@/lib/dal/policy/joint-work-pause";
import { getViewerTimeZone } from "@/lib/dal/today";
import { formatDayOfMonth, formatDueTime, formatShortDay, formatWeekday } from "@/lib/format";
import { RECURRENCE_LABELS } from "@/lib/labels";
import { getExerciseKind, getStep } from "@/lib/program";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Today" };

const linkButton = "mt-3 inline-flex min-h-11 items-center rounded-md bg-brand px-4 font-medium text-white hover:bg-brand-strong";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TodayPage({ searchParams }: Props) {
  const [today, zone, query] = await Promise.all([getPartnerToday(), getViewerTimeZone(), searchParams]);
  if (!today.couple) {
    return (
      <Card>
        <h1 className="text-xl font-semibold">Welcome to Mend</h1>
        <p className="mt-2 text-muted">Your counsellor hasn&apos;t linked your account to a couple yet. They&apos;ll be in touch.</p>
      </Card>
    );
  }
  const { couple } = today;
  const step = getStep(couple.currentStep);
  const partner = couple.partners.find((p) => !p.isViewer);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Today</h1>
        <p className="text-muted">
          {partner ? `You and ${partner.name}` : couple.name} · with {couple.counsellor.name}
        </p>
      </div>
      {query.answered === "1" ? <Alert tone="success">Thank you. Your answers are saved.</Alert> : null}
      {today.onHold ? (
        <Alert tone="info">{JOINT_WORK_PAUSED_MESSAGE}</Alert>
      ) : null}
      <Card aria-labelledby="checkin-heading">
        <CardTitle id="checkin-heading">Daily check-in</CardTitle>
        <p className="mt-1 text-muted">
          {today.checkedInToday ? "You've checked in today. Thank you." : "You haven't checked in yet today. It takes a minute."}
        </p>
        <Link href="/check-in" className={today.checkedInToday ? cn(linkButton, "bg-surface text-brand ring-1 ring-line hover:bg-brand-soft") : linkButton}>
          {today.checkedInToday ? "Change today's check-in" : "Check in now"}
        </Link>
      </Card>
      {today.waitingPromises.length > 0 ? (
        <Card aria-labelledby="waiting-heading">
          <CardTitle id="waiting-heading">Promises waiting for you</CardTitle>
          <ul className="mt-2 divide-y divide-line">
            {today.waitingPromises.map((p) => (
              <li key={p.id} className="py-2">
                <p className="font-medium break-words">{p.text}</p>
                <p className="text-sm text-muted">
                  {p.reason === "release" ? "Your partner asked to let this go" : `Due ${formatDueTime(p.dueAt, zone)}: was it kept?`}
                </p>
              </li>
            ))}
          </ul>
          <Link href="/promises" className={linkButton}>
            Go to promises
          </Link>
        </Card>
      ) : null}
      <Card aria-labelledby="due-heading">
        <CardTitle id="due-heading">What&apos;s due</CardTitle>
        {today.due.length === 0 && today.measures.length === 0 ? (
          <p className="mt-1 text-muted">Nothing is due right now.</p>
        ) : (
          <ul className="mt-2 divide-y divide-line">
            {today.measures.map((m) => (
              <DueMeasureItem key={m.scheduleId} measure={m} />
            ))}
            {today.due.map((a) => (
              <li key={a.id}>
                <Link href={`/exercises/${a.id}`} className="block min-h-11 py-2 hover:text-brand">
                  <span className="block font-medium text-brand underline-offset-2 hover:underline">
                    {getExerciseKind(a.exerciseKind)?.title ?? a.exerciseKind}
                  </span>
                  <span className="block text-sm text-muted">
                    {a.recurrence === "once" ? `Due ${formatShortDay(a.dueOn)}` : RECURRENCE_LABELS[a.recurrence]}
                    {a.overdue ? " · overdue" : ""}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card aria-labelledby="strip-heading">
        <CardTitle id="strip-heading">My last 14 days</CardTitle>
        <ol className="mt-3 grid grid-cols-7 gap-1.5" aria-label="My check-ins over the last 14 days">
          {today.strip.map((d) => {
            const label = formatWeekday(d.date);
            return (
              <li
                key={d.date}
                className={cn(
                  "flex aspect-square flex-col items-center justify-center rounded-md border text-xs",
                  d.checkedIn ? "border-brand bg-brand-soft text-brand-strong" : "border-line bg-bg text-muted",
                )}
              >
                <span aria-hidden="true">{formatDayOfMonth(d.date)}</span>
                <span aria-hidden="true" className="font-semibold">
                  {d.trust ?? "·"}
                </span>
                <span className="sr-only">{d.checkedIn ? `${label}: checked in, trust ${d.trust}` : `${label}: no check-in`}</span>
              </li>
            );
          })}
        </ol>
        <p className="mt-2 text-sm text-muted">Each day shows the date and your trust score, when you checked in.</p>
      </Card>
      <Card aria-labelledby="step-heading">
        <CardTitle id="step-heading">
          Step {couple.currentStep}: {step?.title}
        </CardTitle>
        <p className="mt-1 text-muted">{step?.aim}</p>
      </Card>
    </div>
  );
}
