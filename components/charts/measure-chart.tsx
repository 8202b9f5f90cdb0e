import { ChartLegend, SERIES_COLOURS, type LegendItem } from "@/components/charts/chart-frame";
import { formatDay, formatShortDay } from "@/lib/format";
import { formatScore, MARK_WORDS, type MeasureSeries, type ScoreMark, type Slot } from "./measure-series";
import { xPercent, xTickIndexes } from "./svg-axis";

const COLOUR: Record<Slot, string> = { A: SERIES_COLOURS.a, B: SERIES_COLOURS.b };
const SYMBOL: Record<ScoreMark, { glyph: string; colour: string }> = {
  improved: { glyph: "▲", colour: SERIES_COLOURS.ok },
  deteriorated: { glyph: "▼", colour: SERIES_COLOURS.danger },
  left_clinical_range: { glyph: "◆", colour: SERIES_COLOURS.ok },
  entered_clinical_range: { glyph: "◆", colour: SERIES_COLOURS.danger },
};

/**
 * Both partners' scores on one measure by occasion, drawn on the server as SVG: occasions are a
 * few a month, so the page ships no charting code for them. Each partner's reliable-change band
 * is shaded around their first score, the cut-off is a dashed line, and marks above a score say
 * what changed (the table and the summary say it in words). The plot stretches to its box with
 * strokes that do not scale; labels are HTML placed by percentage. Hidden from screen readers,
 * which get the table.
 */
export function MeasureChart({ series }: { series: MeasureSeries }) {
  const { occasions, judgement, partners } = series;
  const { min, max } = judgement.range;
  const count = occasions.length;
  const span = max - min || 1;
  const width = count === 1 ? 2 : count - 1;
  const x = (i: number) => (xPercent(i, count) / 100) * width;
  // Plot y runs 0 (top, the highest score) to `span` (bottom, the lowest).
  const y = (score: number) => max - Math.min(max, Math.max(min, score));
  const top = (score: number) => `calc((100% - 1.5rem) * ${y(score) / span})`;
  const ticks = [...new Set([min, judgement.cutOff, max].filter((t): t is number => t !== null))];
  const legend: LegendItem[] = [
    ...partners.map((p) => ({ label: p.name, colour: COLOUR[p.slot], mark: "line" as const })),
    ...(partners.some((p) => p.band) ? [{ label: "Reliable-change band around each first score", colour: "var(--color-line)", mark: "block" as const }] : []),
    ...(judgement.cutOff !== null ? [{ label: `Cut-off (${formatScore(judgement.cutOff)})`, colour: SERIES_COLOURS.danger, mark: "dashed" as const }] : []),
  ];
  return (
    <>
      <div aria-hidden="true" className="relative mt-4 h-56 w-full pb-6 pl-8 text-xs text-muted">
        {ticks.map((tick) => (
          <span key={tick} className="absolute left-0 w-6 -translate-y-1/2 text-right" style={{ top: top(tick) }}>
            {formatScore(tick)}
          </span>
        ))}
        <svg className="block h-full w-full overflow-visible" viewBox={`0 0 ${width} ${span}`} preserveAspectRatio="none" focusable="false">
          {partners.map((p) =>
            p.band ? (
              <rect
                key={`band-${p.slot}`}
                x={0}
                width={width}
                y={y(p.band.high)}
                height={Math.max(0, y(p.band.low) - y(p.band.high))}
                fill={COLOUR[p.slot]}
                fillOpacity={0.12}
              />
            ) : null,
          )}
          {[min, max].map((tick) => (
            <line key={tick} x1={0} x2={width} y1={y(tick)} y2={y(tick)} stroke="var(--color-line)" vectorEffect="non-scaling-stroke" />
          ))}
          {judgement.cutOff !== null ? (
            <line
              x1={0}
              x2={width}
              y1={y(judgement.cutOff)}
              y2={y(judgement.cutOff)}
              stroke={SERIES_COLOURS.danger}
              strokeDasharray="6 4"
              strokeWidth={1.5}
              vectorEffect="non-scaling-stroke"
            />
          ) : null}
          {partners.map((p) => {
            const key = p.slot === "A" ? "a" : "b";
            const points = occasions.flatMap((o, i) => (o[key] === null ? [] : [`${x(i)},${y(o[key])}`]));
            return (
              <g key={p.slot}>
                {points.length > 1 ? (
                  <polyline
                    points={points.join(" ")}
                    fill="none"
                    stroke={COLOUR[p.slot]}
                    strokeWidth={2}
                    strokeLinejoin="round"
                    vectorEffect="non-scaling-stroke"
                  />
                ) : null}
                {occasions.map((o, i) =>
                  o[key] === null ? null : (
                    // A zero-length line with round caps: a dot that stays round however the plot stretches.
                    <line
                      key={o.date}
                      x1={x(i)}
                      x2={x(i)}
                      y1={y(o[key])}
                      y2={y(o[key])}
                      stroke={COLOUR[p.slot]}
                      strokeWidth={7}
                      strokeLinecap="round"
                      vectorEffect="non-scaling-stroke"
                    />
                  ),
                )}
              </g>
            );
          })}
          {occasions.map((o, i) => (
            // An invisible band per occasion, so hovering names its scores and the gap.
            <rect key={o.date} x={x(i) - (count === 1 ? 1 : 0.5)} width={count === 1 ? 2 : 1} y={0} height={span} fill="transparent">
              <title>{`${formatDay(o.date)}: ${partners[0].name} ${formatScore(o.a)}, ${partners[1].name} ${formatScore(o.b)}, gap ${formatScore(o.gap)}`}</title>
            </rect>
          ))}
        </svg>
        {occasions.flatMap((o, i) =>
          partners.flatMap((p) => {
            const value = p.slot === "A" ? o.a : o.b;
            return value === null
              ? []
              : o.marks[p.slot].map((mark, k) => (
                  <span
                    key={`${o.date}-${p.slot}-${mark}`}
                    className="absolute -translate-x-1/2 text-[0.7rem] leading-none"
                    title={`${p.name}: ${MARK_WORDS[mark]}`}
                    style={{
                      left: `calc(2rem + (100% - 2rem) * ${xPercent(i, count) / 100} + ${k * 0.7}rem)`,
                      top: `calc((100% - 1.5rem) * ${y(value) / span} - 1.1rem)`,
                      color: SYMBOL[mark].colour,
                    }}
                  >
                    {SYMBOL[mark].glyph}
                  </span>
                ));
          }),
        )}
        {xTickIndexes(count).map((i) => (
          <span
            key={occasions[i]!.date}
            className={`absolute bottom-0 whitespace-nowrap ${i === count - 1 && count > 1 ? "-translate-x-full" : "-translate-x-1/2"}`}
            style={{ left: `calc(2rem + (100% - 2rem) * ${xPercent(i, count) / 100})` }}
          >
            {formatShortDay(occasions[i]!.date)}
          </span>
        ))}
      </div>
      <ChartLegend items={legend} />
      {occasions.some((o) => o.marks.A.length + o.marks.B.length > 0) ? (
        <p className="mt-1 text-xs text-muted">▲ reliable improvement · ▼ reliable deterioration · ◆ crossed the cut-off (green: out of the clinical range, red: into it)</p>
      ) : null}
    </>
  );
}
