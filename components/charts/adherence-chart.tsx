"use client";

import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber, formatPercent, formatShortDay } from "@/lib/format";
import { ChartFrame, SERIES_COLOURS } from "./chart-frame";

export type AdherenceChartRow = {
  weekStart: string;
  expected: number;
  checkInsA: number;
  checkInsB: number;
  adherenceA: number | null;
  adherenceB: number | null;
};

/** Check-in adherence per week for each partner, against the couple's agreed frequency (100%). */
export function AdherenceChart({ rows, names, perWeek }: { rows: AdherenceChartRow[]; names: [string, string]; perWeek: number }) {
  const [nameA, nameB] = names;
  const data = rows.map((r) => ({
    ...r,
    pctA: r.adherenceA === null ? null : Math.round(r.adherenceA * 100),
    pctB: r.adherenceB === null ? null : Math.round(r.adherenceB * 100),
  }));
  return (
    <ChartFrame
      title="Check-ins per week"
      description={`Days each partner checked in, as a share of the ${perWeek} a week the couple agreed. 100% means the agreement was met.`}
      tableCaption="Check-in adherence by week"
      rows={rows}
      columns={[
        { header: "Week of", cell: (r) => r.weekStart },
        { header: "Expected", cell: (r) => formatNumber(r.expected) },
        { header: nameA, cell: (r) => `${r.checkInsA} (${formatPercent(r.adherenceA)})` },
        { header: nameB, cell: (r) => `${r.checkInsB} (${formatPercent(r.adherenceB)})` },
      ]}
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid stroke="var(--color-line)" strokeDasharray="3 3" />
            <XAxis dataKey="weekStart" tickFormatter={formatShortDay} minTickGap={16} tick={{ fontSize: 12 }} />
            <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} />
            <Tooltip labelFormatter={(label) => `Week of ${formatShortDay(String(label))}`} formatter={(v) => `${String(v)}%`} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <ReferenceLine y={100} stroke="var(--color-ink)" strokeDasharray="4 4" />
            <Bar dataKey="pctA" name={nameA} fill={SERIES_COLOURS.a} isAnimationActive={false} />
            <Bar dataKey="pctB" name={nameB} fill={SERIES_COLOURS.b} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
    />
  );
}
