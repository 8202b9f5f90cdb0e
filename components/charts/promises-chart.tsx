"use client";

import dynamic from "next/dynamic";
import { formatDay, formatPercent } from "@/lib/format";
import { ChartFrame, SERIES_COLOURS } from "./chart-frame";
import { DeferredChart } from "./deferred-chart";

// The chart library loads on its own, once a chart nears the screen: the page, its figures and
// the tables beside each chart do not wait for it.
const PromisesDrawing = dynamic(() => import("./promises-drawing"), { ssr: false });

export type PromisesChartRow = {
  weekStart: string;
  kept: number;
  broken: number;
  cumulativeRateA: number | null;
  cumulativeRateB: number | null;
};

/** Promises kept and broken each week (bars), and each partner's keep rate so far (lines). */
export function PromisesChart({ rows, names }: { rows: PromisesChartRow[]; names: [string, string] }) {
  const [nameA, nameB] = names;
  return (
    <ChartFrame
      title="Promises"
      description="Promises marked kept or broken each week, and each partner's keep rate so far (kept ÷ kept and broken)."
      tableCaption="Promises kept and broken by week"
      rows={rows}
      legend={[
        { label: "Kept", colour: SERIES_COLOURS.ok, mark: "block" },
        { label: "Broken", colour: SERIES_COLOURS.danger, mark: "block" },
        { label: `${nameA}, keep rate`, colour: SERIES_COLOURS.a, mark: "line" },
        { label: `${nameB}, keep rate`, colour: SERIES_COLOURS.b, mark: "dashed" },
      ]}
      columns={[
        { header: "Week of", cell: (r) => formatDay(r.weekStart) },
        { header: "Kept", cell: (r) => r.kept },
        { header: "Broken", cell: (r) => r.broken },
        { header: `${nameA}, keep rate so far`, cell: (r) => formatPercent(r.cumulativeRateA) },
        { header: `${nameB}, keep rate so far`, cell: (r) => formatPercent(r.cumulativeRateB) },
      ]}
      chart={
        <DeferredChart>
          <PromisesDrawing rows={rows} names={names} />
        </DeferredChart>
      }
    />
  );
}
