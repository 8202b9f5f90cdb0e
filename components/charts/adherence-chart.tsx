"use client";

import dynamic from "next/dynamic";
import { formatDay, formatNumber, formatPercent } from "@/lib/format";
import { ChartFrame, SERIES_COLOURS } from "./chart-frame";
import { DeferredChart } from "./deferred-chart";

// The chart library loads on its own, once a chart nears the screen: the page, its figures and
// the tables beside each chart do not wait for it.
const AdherenceDrawing = dynamic(() => import("./adherence-drawing"), { ssr: false });

export type AdherenceChartRow = {
  weekStart: string;
  expected: number;
  checkInsA: number;
  checkInsB: number;
  adherenceA: number | null;
  adherenceB: number | null;
};

/**
 * Check-in adherence per week for each partner (100% = what was expected). Each day expects the
 * contact agreement in force that day, else the daily default; `expectation` says what applies now.
 */
export function AdherenceChart({ rows, names, expectation }: { rows: AdherenceChartRow[]; names: [string, string]; expectation: string }) {
  const [nameA, nameB] = names;
  return (
    <ChartFrame
      title="Check-ins per week"
      description={`Days each partner checked in, as a share of what each week asked for: every day counts the contact agreement in force that day, or one check-in a day before any. Now: ${expectation}. 100% means it was met.`}
      tableCaption="Check-in adherence by week"
      rows={rows}
      legend={[
        { label: nameA, colour: SERIES_COLOURS.a, mark: "block" },
        { label: nameB, colour: SERIES_COLOURS.b, mark: "block" },
        { label: "Agreed (100%)", colour: "var(--color-ink)", mark: "dashed" },
      ]}
      columns={[
        { header: "Week of", cell: (r) => formatDay(r.weekStart) },
        { header: "Expected", cell: (r) => formatNumber(r.expected) },
        { header: nameA, cell: (r) => `${r.checkInsA} (${formatPercent(r.adherenceA)})` },
        { header: nameB, cell: (r) => `${r.checkInsB} (${formatPercent(r.adherenceB)})` },
      ]}
      chart={
        <DeferredChart>
          <AdherenceDrawing rows={rows} names={names} />
        </DeferredChart>
      }
    />
  );
}
