import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { CLINIC_FIGURES_MAX_AGE_MS, getClinicAggregates } from "@/lib/dal/clinic-aggregates";
import { getClinicOverview } from "@/lib/dal/clinic-staff";
import { getClinicToday } from "@/lib/dal/today";
import { requireRole } from "@/lib/dal/viewer";
import { formatClinicFigure, formatDay, formatShortDay, isoMinute } from "@/lib/format";
import { BASELINE_DAYS, MIN_GROUP_SIZE } from "@/lib/metrics/clinic";
import { getStep } from "@/lib/program";
import { parseDateRange } from "@/lib/validations/clinic";
import { BarFigure } from "./_components/bar-figure";
import { ByCounsellorTable } from "./_components/by-counsellor-table";
import { CounsellorLoadTable } from "./_components/counsellor-load-table";
import { RangeForm } from "./_components/range-form";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Clinic overview" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClinicPage({ searchParams }: Props) {
  const params = await searchParams;
  const { clinicTimeZone } = await requireRole("clinic_admin");
  const parsed = parseDateRange(params, await getClinicToday());
  // Independent reads: the page waits for the slower one, not for both in turn.
  const [overview, aggregates] = await Promise.all([getClinicOverview(), parsed.ok ? getClinicAggregates(parsed.range) : null]);
  const exportEmpty = params.export === "empty";

  return (
    <>
      <PageHeader
        title="Clinic overview"
        description={
          aggregates
            ? `${overview.clinicName} · ${formatDay(aggregates.range.from)} to ${formatDay(aggregates.range.to)}`
            : overview.clinicName
        }
      />
      {parsed.ok ? (
        <RangeForm values={parsed.range} />
      ) : (
        <RangeForm values={parsed.values} message={parsed.message} fieldErrors={parsed.fieldErrors} />
      )}

      {aggregates ? (
        <>
          <p className="mb-2 text-sm text-muted">
            {/* Stored figures are up to this old; the clock is the clinic's, like its days. */}
            Figures as of <time dateTime={aggregates.computedAt}>{isoMinute(aggregates.computedAt, clinicTimeZone).slice(11)}</time> · never more
            than {CLINIC_FIGURES_MAX_AGE_MS / 60_000} minutes old
          </p>
          <p className="mb-4 text-sm text-muted">
            Figures cover couples who had started by the last day. Any figure resting on fewer than {MIN_GROUP_SIZE} couples
            shows &ldquo;fewer than {MIN_GROUP_SIZE}&rdquo;, so no couple can be picked out.
          </p>
          <dl className="mb-3 grid grid-cols-2 gap-3 lg:grid-cols-3 xl:grid-cols-6">
            <Figure
              label="Couples in these figures"
              value={formatClinicFigure(aggregates.clinic.couples, "count")}
              hint="Any status, started by the last day"
            />
            <Figure label="Active couples" value={formatClinicFigure(aggregates.clinic.activeCouples, "count")} hint="Of those, active today" />
            <Figure label="Counsellors" value={String(aggregates.counsellors)} hint="Active today" />
            <Figure label="Median check-in adherence" value={formatClinicFigure(aggregates.clinic.medianAdherence, "percent")} />
            <Figure label="Median promise keep rate" value={formatClinicFigure(aggregates.clinic.medianKeepRate, "percent")} />
            <Figure
              label="Trust rose above baseline"
              value={formatClinicFigure(aggregates.clinic.roseShare, "percent")}
              hint={`4 weeks to ${formatShortDay(aggregates.range.to)}`}
            />
          </dl>
          <p id="rose-explained" className="mb-6 text-sm text-muted">
            <strong className="font-medium text-ink">Trust rose above baseline</strong> compares each couple&apos;s mean trust
            in the {BASELINE_DAYS} days ending on the range&apos;s last day ({formatDay(aggregates.range.to)}) with their mean
            in their own first {BASELINE_DAYS} days, and gives the share of couples whose trust is higher now. Couples in the
            program for under {(2 * BASELINE_DAYS) / 7} weeks by that day, or without check-ins in either window, are left out.
            Changing the last day of the range changes this figure; the first day does not.
          </p>

          <section aria-labelledby="progress-heading" className="mb-8">
            <h2 id="progress-heading" className="mb-3 text-lg font-semibold">
              Where couples are in the program
            </h2>
            <div className="grid gap-4 lg:grid-cols-2">
              <BarFigure
                title="Couples reaching each step"
                description="Couples who had begun or finished each step by the last day."
                format="count"
                labelHeader="Step"
                valueHeader="Couples"
                data={aggregates.funnel.map((s) => ({
                  label: String(s.step),
                  description: `Step ${s.step}: ${getStep(s.step)?.title ?? ""}`,
                  value: s.couples,
                }))}
              />
              <BarFigure
                title="Median weeks spent per step"
                description="Over steps finished within the range."
                format="weeks"
                labelHeader="Step"
                valueHeader="Median weeks"
                data={aggregates.weeksPerStep.map((s) => ({
                  label: String(s.step),
                  description: `Step ${s.step}: ${getStep(s.step)?.title ?? ""}`,
                  value: s.medianWeeks,
                }))}
              />
              <BarFigure
                title="Weekly check-ins"
                description="Check-ins by all partners, per week starting Monday."
                format="count"
                labelHeader="Week starting"
                valueHeader="Check-ins"
                data={aggregates.weeklyCheckIns.map((w) => ({ label: formatShortDay(w.weekStart), description: formatDay(w.weekStart), value: w.checkIns }))}
              />
              <BarFigure
                title="Check-in adherence across couples"
                description="How many couples fall in each band of adherence."
                format="count"
                labelHeader="Adherence"
                valueHeader="Couples"
                data={aggregates.adherenceDistribution.map((b) => ({ label: b.label, value: b.count }))}
              />
              <BarFigure
                title="Promise keep rate across couples"
                description="Couples with a promise kept or broken in the range, by band of keep rate."
                format="count"
                labelHeader="Keep rate"
                valueHeader="Couples"
                data={aggregates.keepRateDistribution.map((b) => ({ label: b.label, value: b.count }))}
              />
            </div>
          </section>

          <section aria-labelledby="by-counsellor-heading" className="mb-8">
            <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
              <h2 id="by-counsellor-heading" className="text-lg font-semibold">
                By counsellor
              </h2>
              {aggregates.hasCouples ? (
                <a
                  href={`/clinic/export/by-counsellor?from=${aggregates.range.from}&to=${aggregates.range.to}`}
                  className="text-sm font-medium text-brand underline underline-offset-2"
                >
                  Download as CSV
                </a>
              ) : null}
            </div>
            {exportEmpty || !aggregates.hasCouples ? (
              <Alert tone="info" className="mb-3">
                There are no couples in this range, so there is nothing to show or export. Choose a wider range.
              </Alert>
            ) : null}
            <ByCounsellorTable rows={aggregates.byCounsellor} />
          </section>
        </>
      ) : null}

      <Card>
        <CardTitle className="mb-1">Caseloads today</CardTitle>
        <p className="mb-3 text-sm text-muted">
          Today&apos;s caseloads, whatever the range above. &ldquo;All couples&rdquo; also counts paused, invited and finished couples.
        </p>
        <CounsellorLoadTable counsellors={overview.counsellors} caption="Counsellors and their caseloads" bare />
        <p className="mt-3 text-sm">
          <Link href="/clinic/counsellors" className="font-medium text-brand underline underline-offset-2">
            Manage counsellors
          </Link>
        </p>
      </Card>
    </>
  );
}

/** One headline figure; `hint` says which couples or days it counts, so two counts that differ are not mistaken for each other. */
function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-lg border border-line bg-surface p-4">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
      {hint ? <dd className="text-xs text-muted">{hint}</dd> : null}
    </div>
  );
}
