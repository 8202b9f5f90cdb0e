"use client";

import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatShortDay } from "@/lib/format";
import { SERIES_COLOURS } from "./chart-frame";
import type { PromisesChartRow } from "./promises-chart";

/** The drawing of {@link PromisesChart}: loaded on its own, so the page does not wait for the chart library. */
export default function PromisesDrawing({ rows, names }: { rows: PromisesChartRow[]; names: [string, string] }) {
  const [nameA, nameB] = names;
  const data = rows.map((r) => ({
    ...r,
    rateA: r.cumulativeRateA === null ? null : Math.round(r.cumulativeRateA * 100),
    rateB: r.cumulativeRateB === null ? null : Math.round(r.cumulativeRateB * 100),
  }));
  return (
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
  );
}
