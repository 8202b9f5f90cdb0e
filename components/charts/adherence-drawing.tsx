"use client";

import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatShortDay } from "@/lib/format";
import { SERIES_COLOURS } from "./chart-frame";
import type { AdherenceChartRow } from "./adherence-chart";

/** The drawing of {@link AdherenceChart}: loaded on its own, so the page does not wait for the chart library. */
export default function AdherenceDrawing({ rows, names }: { rows: AdherenceChartRow[]; names: [string, string] }) {
  const [nameA, nameB] = names;
  const data = rows.map((r) => ({
    ...r,
    pctA: r.adherenceA === null ? null : Math.round(r.adherenceA * 100),
    pctB: r.adherenceB === null ? null : Math.round(r.adherenceB * 100),
  }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke="var(--color-line)" strokeDasharray="3 3" />
        <XAxis dataKey="weekStart" tickFormatter={formatShortDay} minTickGap={16} tick={{ fontSize: 12 }} />
        <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} />
        <Tooltip labelFormatter={(label) => `Week of ${formatShortDay(String(label))}`} formatter={(v) => `${String(v)}%`} />
        <ReferenceLine y={100} stroke="var(--color-ink)" strokeDasharray="4 4" />
        <Bar dataKey="pctA" name={nameA} fill={SERIES_COLOURS.a} isAnimationActive={false} />
        <Bar dataKey="pctB" name={nameB} fill={SERIES_COLOURS.b} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
