import { z } from "zod";
import { noteSearchSchema, type NoteSearch } from "./notes";

/** How far back the couple page's charts reach. */
export const CHART_RANGES = ["4w", "12w", "all"] as const;
export type ChartRange = (typeof CHART_RANGES)[number];
/** The charts open on the last 12 weeks. */
export const DEFAULT_CHART_RANGE: ChartRange = "12w";

/**
 * The couple page's view as it lives in the URL: the chart range (`range`) and the note search
 * (`nq`, `nfrom`, `nto`, prefixed so they never collide with the chart's parameter). Every field
 * falls back to its default when it is missing or unreadable, so a hand-edited link shows the page
 * rather than an error.
 */
export const couplePageQuerySchema = z
  .object({
    range: z.enum(CHART_RANGES).catch(DEFAULT_CHART_RANGE),
    nq: noteSearchSchema.shape.q,
    nfrom: noteSearchSchema.shape.from,
    nto: noteSearchSchema.shape.to,
  })
  .transform((v): { range: ChartRange; noteSearch: NoteSearch } => ({
    range: v.range,
    noteSearch: { q: v.nq, from: v.nfrom, to: v.nto },
  }));

export type CouplePageQuery = z.output<typeof couplePageQuerySchema>;
