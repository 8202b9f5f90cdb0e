"use client";

import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDay, formatNumber, formatPercent, formatShortDay } from "@/lib/format";
import { ChartFrame, SERIES_COLOURS } from "./chart-frame";

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
  const data = rows.map((r) => ({
    ...r,
    pctA: r.adherenceA === null ? null : Math.round(r.adherenceA * 100),
    pctB: r.adherenceB === null ? null : Math.round(r.adherenceB * 100),
  }));
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
      }
    />
  );
}
