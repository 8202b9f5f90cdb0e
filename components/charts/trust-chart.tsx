"use client";

import dynamic from "next/dynamic";
import { formatDay, formatNumber } from "@/lib/format";
import { ChartFrame, SERIES_COLOURS } from "./chart-frame";
import { DeferredChart } from "./deferred-chart";

// The chart library loads on its own, once a chart nears the screen: the page, its figures and
// the tables beside each chart do not wait for it.
const TrustDrawing = dynamic(() => import("./trust-drawing"), { ssr: false });

export type TrustChartRow = {
  date: string;
  a: number | null;
  b: number | null;
  meanA: number | null;
  meanB: number | null;
  gap: number | null;
};

/**
 * One partner-pair measure over time (trust or closeness, 0–10): each partner's daily answers as
 * dots, their 7-day means as lines, and, when given, the gap between the partners as bars.
 */
export function TrustChart({
  title,
  description,
  rows,
  names,
  showGap,
}: {
  title: string;
  description: string;
  rows: TrustChartRow[];
  names: [string, string];
  showGap: boolean;
}) {
  const [nameA, nameB] = names;
  return (
    <ChartFrame
      title={title}
      description={description}
      tableCaption={`${title}, by day`}
      rows={rows}
      legend={[
        ...(showGap ? [{ label: "Gap between partners", colour: SERIES_COLOURS.third, mark: "block" as const }] : []),
        { label: `${nameA} (daily)`, colour: SERIES_COLOURS.a, mark: "dot" },
        { label: `${nameB} (daily)`, colour: SERIES_COLOURS.b, mark: "dot" },
        { label: `${nameA} (7-day mean)`, colour: SERIES_COLOURS.a, mark: "line" },
        { label: `${nameB} (7-day mean)`, colour: SERIES_COLOURS.b, mark: "dashed" },
      ]}
      columns={[
        { header: "Day", cell: (r) => formatDay(r.date) },
        { header: nameA, cell: (r) => formatNumber(r.a, 0) },
        { header: `${nameA}, 7-day mean`, cell: (r) => formatNumber(r.meanA) },
        { header: nameB, cell: (r) => formatNumber(r.b, 0) },
        { header: `${nameB}, 7-day mean`, cell: (r) => formatNumber(r.meanB) },
        ...(showGap ? [{ header: "Gap", cell: (r: TrustChartRow) => formatNumber(r.gap, 0) }] : []),
      ]}
      chart={
        <DeferredChart>
          <TrustDrawing rows={rows} names={names} showGap={showGap} />
        </DeferredChart>
      }
    />
  );
}
