"use client";

import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDay, formatPercent, formatShortDay } from "@/lib/format";
import { ChartFrame, SERIES_COLOURS } from "./chart-frame";

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
  const data = rows.map((r) => ({
    ...r,
    rateA: r.cumulativeRateA === null ? null : Math.round(r.cumulativeRateA * 100),
    rateB: r.cumulativeRateB === null ? null : Math.round(r.cumulativeRateB * 100),
  }));
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
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 0, bottom: 0, left: -16 }}>
            <CartesianGrid stroke="var(--color-line)" strokeDasharray="3 3" />
            <XAxis dataKey="weekStart" tickFormatter={formatShortDay} minTickGap={16} tick={{ fontSize: 12 }} />
            <YAxis yAxisId="count" allowDecimals={false} tick={{ fontSize: 12 }} />
            <YAxis yAxisId="rate" orientation="right" domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} />
            <Tooltip labelFormatter={(label) => `Week of ${formatShortDay(String(label))}`} />
            <Bar yAxisId="count" dataKey="kept" name="Kept" stackId="promises" fill={SERIES_COLOURS.ok} isAnimationActive={false} />
            <Bar yAxisId="count" dataKey="broken" name="Broken" stackId="promises" fill={SERIES_COLOURS.danger} isAnimationActive={false} />
            <Line yAxisId="rate" dataKey="rateA" name={`${nameA}, keep rate`} stroke={SERIES_COLOURS.a} strokeWidth={2} connectNulls isAnimationActive={false} />
            <Line
              yAxisId="rate"
              dataKey="rateB"
              name={`${nameB}, keep rate`}
              stroke={SERIES_COLOURS.b}
              strokeWidth={2}
              strokeDasharray="6 3"
              connectNulls
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      }
    />
  );
}
