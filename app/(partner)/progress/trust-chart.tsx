import { ChartLegend } from "@/components/charts/chart-frame";
import { xPercent, xTickIndexes } from "@/components/charts/svg-axis";
import { formatDay, formatShortDay } from "@/lib/format";

type Point = { date: string; trust: number; closeness: number };

const chartConfig = {
  trust: { label: "Trust", color: "var(--color-chart-1)" },
  closeness: { label: "Closeness", color: "var(--color-chart-2)" },
} as const;
const keys = Object.keys(chartConfig) as (keyof typeof chartConfig)[];

const Y_TICKS = [0, 2, 4, 6, 8, 10];

/**
 * My trust and closeness by day, drawn on the server as SVG: the page ships no charting code to a
 * phone. The plot stretches to its box (`preserveAspectRatio="none"`, strokes that do not scale),
 * and the axis labels are HTML placed by percentage, so text keeps its size at any width.
 * Decorative for screen readers, which get the table beside it; hovering a day names its figures.
 */
export function TrustChart({ points }: { points: Point[] }) {
  const count = points.length;
  // Plot coordinates: x is the day's index (0 … count-1, or 0 … 2 for a single day), y is 10 − score.
  const width = count === 1 ? 2 : count - 1;
  const x = (i: number) => (xPercent(i, count) / 100) * width;
  const y = (score: number) => 10 - score;
  const showDots = count < 3;
  return (
    <>
      <div aria-hidden="true" className="relative h-64 w-full pb-6 pl-7 text-xs text-muted">
        {Y_TICKS.map((tick) => (
          <span key={tick} className="absolute left-0 w-5 -translate-y-1/2 text-right" style={{ top: `calc((100% - 1.5rem) * ${y(tick) / 10})` }}>
            {tick}
          </span>
        ))}
        <svg className="block h-full w-full overflow-visible" viewBox={`0 0 ${width} 10`} preserveAspectRatio="none" focusable="false">
          {Y_TICKS.map((tick) => (
            <line key={tick} x1={0} x2={width} y1={y(tick)} y2={y(tick)} stroke="var(--color-line)" strokeDasharray="3 3" vectorEffect="non-scaling-stroke" />
          ))}
          {keys.map((key) =>
            showDots ? (
              points.map((p, i) => (
                // A zero-length line with round caps: a dot that stays round however the plot stretches.
                <line
                  key={`${key}-${p.date}`}
                  x1={x(i)}
                  x2={x(i)}
                  y1={y(p[key])}
                  y2={y(p[key])}
                  stroke={chartConfig[key].color}
                  strokeWidth={7}
                  strokeLinecap="round"
                  vectorEffect="non-scaling-stroke"
                />
              ))
            ) : (
              <polyline
                key={key}
                points={points.map((p, i) => `${x(i)},${y(p[key])}`).join(" ")}
                fill="none"
                stroke={chartConfig[key].color}
                strokeWidth={2}
                strokeLinejoin="round"
                vectorEffect="non-scaling-stroke"
              />
            ),
          )}
          {points.map((p, i) => (
            // An invisible band per day, so hovering shows that day's figures.
            <rect key={p.date} x={x(i) - (count === 1 ? 1 : 0.5)} width={count === 1 ? 2 : 1} y={0} height={10} fill="transparent">
              <title>{`${formatDay(p.date)}: trust ${p.trust}, closeness ${p.closeness}`}</title>
            </rect>
          ))}
        </svg>
        {xTickIndexes(count).map((i) => (
          <span
            key={points[i].date}
            // The last day's label ends at the plot's edge rather than spilling past the card.
            className={`absolute bottom-0 whitespace-nowrap ${i === count - 1 && count > 1 ? "-translate-x-full" : "-translate-x-1/2"}`}
            style={{ left: `calc(1.75rem + (100% - 1.75rem) * ${xPercent(i, count) / 100})` }}
          >
            {formatShortDay(points[i].date)}
          </span>
        ))}
      </div>
      <ChartLegend items={keys.map((key) => ({ label: chartConfig[key].label, colour: chartConfig[key].color, mark: "line" }))} />
    </>
  );
}
