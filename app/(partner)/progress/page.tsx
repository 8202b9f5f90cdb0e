import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listPartnersCheckIns } from "@/lib/dal/partner-check-ins";
import { getMyProgress } from "@/lib/dal/progress";
import { formatDay, formatPercent } from "@/lib/format";
import { PartnersCheckInsCard } from "./partners-check-ins";
import { TrustChart } from "./trust-chart";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "My progress" };

export default async function ProgressPage() {
  const [progress, partners] = await Promise.all([getMyProgress(90), listPartnersCheckIns(14)]);
  const recent = [...progress.points].reverse().slice(0, 14);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <PageHeader title="My progress" description="Your own check-ins and promises, and what your partner shares from theirs. Progress is rarely a straight line, and that's normal." />
      <div className="grid grid-cols-2 gap-3">
        <Card aria-labelledby="streak-heading">
          <CardTitle id="streak-heading" className="text-base">
            Check-in streak
          </CardTitle>
          <p className="mt-1 text-3xl font-semibold">
            {progress.streak} <span className="text-base font-normal text-muted">{progress.streak === 1 ? "day" : "days"}</span>
          </p>
        </Card>
        <Card aria-labelledby="keep-heading">
          <CardTitle id="keep-heading" className="text-base">
            Promises kept
          </CardTitle>
          <p className="mt-1 text-3xl font-semibold">{formatPercent(progress.keepRate)}</p>
          <p className="text-sm text-muted">
            {progress.keepRate === null ? "No record yet. " : ""}
            {progress.kept} kept, {progress.broken} not kept
          </p>
        </Card>
      </div>
      <Card aria-labelledby="trend-heading">
        <CardTitle id="trend-heading">My trust and closeness</CardTitle>
        <p className="mt-1 text-sm text-muted">Your last {progress.windowDays} days, 0 to 10.</p>
        {progress.points.length === 0 ? (
          <p className="mt-2 text-muted">Your chart starts with your first check-in.</p>
        ) : (
          <>
            <div className="mt-3">
              <TrustChart points={progress.points} />
            </div>
            <div className="mt-3 overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="pb-2 text-left font-medium text-ink">My last {recent.length} check-ins, newest first</caption>
                <thead>
                  <tr className="border-b border-line">
                    <th scope="col" className="py-2 pr-3">
                      Day
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      Trust
                    </th>
                    <th scope="col" className="py-2">
                      Closeness
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {recent.map((p) => (
                    <tr key={p.date} className="border-b border-line">
                      <th scope="row" className="py-2 pr-3 font-normal">
                        {formatDay(p.date)}
                      </th>
                      <td className="py-2 pr-3">{p.trust}</td>
                      <td className="py-2">{p.closeness}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Card>
      <PartnersCheckInsCard data={partners} />
    </div>
  );
}
