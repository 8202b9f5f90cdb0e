import { z } from "zod";
import { noteSearchSchema, type NoteSearch } from "./notes";

/** How far back the couple page's charts reach. */
export const CHART_RANGES = ["4w", "12w", "all"] as const;
export type ChartRange = (typeof CHART_RANGES)[number];
/** The charts open on the last 12 weeks. */
export const DEFAULT_CHART_RANGE: ChartRange = "12w";

/**
 * The couple page's long lists, each opened on its newest page (the charts above them already
 * show the trend, so the lists open short): how many rows a page adds, and the URL parameter
 * that says how many pages are shown ("Show more" links add one).
 */
export const HISTORY_LISTS = {
  checkIns: { param: "ci", pageSize: 10 },
  answers: { param: "ans", pageSize: 10 },
  agreements: { param: "agr", pageSize: 10 },
  promises: { param: "pro", pageSize: 10 },
  notes: { param: "notes", pageSize: 10 },
} as const;
export type HistoryList = keyof typeof HISTORY_LISTS;
/** The most pages a link can open at once, so a hand-edited URL cannot ask for everything. */
export const MAX_HISTORY_PAGES = 10;

/** Pages shown of each long list (1 = the newest page only). */
export type HistoryPages = Record<HistoryList, number>;

const pages = z.coerce.number().int().min(1).max(MAX_HISTORY_PAGES).catch(1);

/**
 * The couple page's view as it lives in the URL: the chart range (`range`), the note search
 * (`nq`, `nfrom`, `nto`, prefixed so they never collide with the chart's parameter) and how many
 * pages of each long list are open (`ci`, `ans`, `agr`, `pro`, `notes`). Every field falls back to
 * its default when it is missing or unreadable, so a hand-edited link shows the page rather than
 * an error.
 */
export const couplePageQuerySchema = z
  .object({
    range: z.enum(CHART_RANGES).catch(DEFAULT_CHART_RANGE),
    nq: noteSearchSchema.shape.q,
    nfrom: noteSearchSchema.shape.from,
    nto: noteSearchSchema.shape.to,
    ci: pages,
    ans: pages,
    agr: pages,
    pro: pages,
    notes: pages,
  })
  .transform((v): { range: ChartRange; noteSearch: NoteSearch; pages: HistoryPages } => ({
    range: v.range,
    noteSearch: { q: v.nq, from: v.nfrom, to: v.nto },
    pages: { checkIns: v.ci, answers: v.ans, agreements: v.agr, promises: v.pro, notes: v.notes },
  }));

export type CouplePageQuery = z.output<typeof couplePageQuerySchema>;

/** How many rows of a list the page shows for the pages asked. */
export function historyLimit(list: HistoryList, shown: number): number {
  return HISTORY_LISTS[list].pageSize * shown;
}

/**
 * A link to the couple page keeping its view (range, note search, open pages) with `change`
 * applied; defaults are left out so the address stays short.
 */
export function couplePageHref(coupleId: string, query: CouplePageQuery, change: { range?: ChartRange; pages?: Partial<HistoryPages> } = {}): string {
  const params = new URLSearchParams();
  const range = change.range ?? query.range;
  if (range !== DEFAULT_CHART_RANGE) params.set("range", range);
  if (query.noteSearch.q) params.set("nq", query.noteSearch.q);
  if (query.noteSearch.from) params.set("nfrom", query.noteSearch.from);
  if (query.noteSearch.to) params.set("nto", query.noteSearch.to);
  const open = { ...query.pages, ...change.pages };
  for (const list of Object.keys(HISTORY_LISTS) as HistoryList[]) {
    if (open[list] > 1) params.set(HISTORY_LISTS[list].param, String(open[list]));
  }
  const search = params.toString();
  return `/couples/${coupleId}${search ? `?${search}` : ""}`;
}
