"use client";

import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber, formatShortDay } from "@/lib/format";
import { SERIES_COLOURS } from "./chart-frame";
import type { TrustChartRow } from "./trust-chart";

/** The drawing of {@link TrustChart}: loaded on its own, so the page does not wait for the chart library. */
export default function TrustDrawing({ rows, names, showGap }: { rows: TrustChartRow[]; names: [string, string]; showGap: boolean }) {
  const [nameA, nameB] = names;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke="var(--color-line)" strokeDasharray="3 3" />
        <XAxis dataKey="date" tickFormatter={formatShortDay} minTickGap={24} tick={{ fontSize: 12 }} />
        <YAxis domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} tick={{ fontSize: 12 }} />
        <Tooltip labelFormatter={(label) => formatShortDay(String(label))} formatter={(v) => (typeof v === "number" ? formatNumber(v) : String(v))} />
        {showGap ? <Bar dataKey="gap" name="Gap between partners" fill={SERIES_COLOURS.third} opacity={0.35} barSize={4} /> : null}
        <Line dataKey="a" name={`${nameA} (daily)`} stroke="none" dot={{ r: 2, fill: SERIES_COLOURS.a }} isAnimationActive={false} />
        <Line dataKey="b" name={`${nameB} (daily)`} stroke="none" dot={{ r: 2, fill: SERIES_COLOURS.b }} isAnimationActive={false} />
        <Line dataKey="meanA" name={`${nameA} (7-day mean)`} stroke={SERIES_COLOURS.a} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
        <Line
          dataKey="meanB"
          name={`${nameB} (7-day mean)`}
          stroke={SERIES_COLOURS.b}
          strokeWidth={2}
          strokeDasharray="6 3"
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
