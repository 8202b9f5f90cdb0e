"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartLegend } from "@/components/charts/chart-frame";
import { formatDay, formatShortDay } from "@/lib/format";

type Point = { date: string; trust: number; closeness: number };

const chartConfig = {
  trust: { label: "Trust", color: "var(--color-chart-1)" },
  closeness: { label: "Closeness", color: "var(--color-chart-2)" },
} as const;
const keys = Object.keys(chartConfig) as (keyof typeof chartConfig)[];

/** My trust and closeness by day; decorative for screen readers, which get the table beside it. */
export function TrustChart({ points }: { points: Point[] }) {
  return (
    <>
      <div aria-hidden="true" className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 8, bottom: 8, left: -16 }} accessibilityLayer={false}>
            <CartesianGrid stroke="var(--color-line)" strokeDasharray="3 3" />
            <XAxis dataKey="date" tickFormatter={formatShortDay} tick={{ fontSize: 12, fill: "var(--color-muted)" }} minTickGap={24} />
            <YAxis domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} tick={{ fontSize: 12, fill: "var(--color-muted)" }} />
            <Tooltip labelFormatter={(label) => formatDay(String(label))} />
            {keys.map((key) => (
              <Line
                key={key}
                type="monotone"
                dataKey={key}
                name={chartConfig[key].label}
                stroke={chartConfig[key].color}
                strokeWidth={2}
                dot={points.length < 3}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ChartLegend items={keys.map((key) => ({ label: chartConfig[key].label, colour: chartConfig[key].color, mark: "line" }))} />
    </>
  );
}
