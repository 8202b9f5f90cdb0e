import "server-only";
import { db } from "@/db/ready";
import { todayIn } from "@/lib/time/zone";
import { historyLimit, type CouplePageQuery } from "@/lib/validations/couple-page";
import type { NoteSearch } from "@/lib/validations/notes";
import { recordAudit } from "./audit";
import { getCaseloadRow, type CaseloadRow } from "./caseload";
import { unsafeGetCoupleCharts, type CoupleCharts } from "./couple-charts";
import { unsafeGetCouplePageMeasures, type CouplePageMeasures } from "./couple-measures";
import { getCouple, unsafeGetCoupleActivity, type CoupleActivity, type CoupleSummary } from "./couples";
import { unsafeListCoupleInvitations, type InvitationSummary } from "./invitations";
import { unsafeListNoteThreads, type NoteThread } from "./notes";
import { requireRole } from "./viewer";
import { unsafeGetCoupleWork, type CoupleWork } from "./work-status";

/** One day of a partner-pair chart: each partner's answer and 7-day mean, and the gap when drawn. */
export type PairSeriesRow = {
  date: string;
  a: number | null;
  b: number | null;
  meanA: number | null;
  meanB: number | null;
  gap: number | null;
};

export type CouplePageCharts = Omit<CoupleCharts, "trust" | "partners"> & {
  /** The partners' names in slot order, with a stand-in for a partner who has not joined. */
  names: [string, string];
  trust: PairSeriesRow[];
  closeness: PairSeriesRow[];
};

export type CouplePage = {
  couple: CoupleSummary;
  today: string;
  /** The counsellor's zone: moments on the page (notes, concerns, promises) are shown on their clock. */
  timeZone: string;
  figures: CaseloadRow;
  charts: CouplePageCharts;
  activity: CoupleActivity;
  /** Whether the current step is marked done on the timeline (then it cannot be marked again). */
  currentStepDone: boolean;
  /** Whether any assignment is still active (the "Assign work" form opens when none is). */
  hasActiveAssignments: boolean;
  /** Who has sent each assignment's answer and when, and the cancelled work with who cancelled it. */
  work: CoupleWork;
  /** The newest notes matching the search, as many as the pages asked for. */
  notes: NoteThread[];
  /** Whether older matching notes remain beyond those listed. */
  moreNotes: boolean;
  noteSearch: NoteSearch;
  /** Each invited person's latest invitation, newest first; a reissued link replaces the older one. */
  invitations: InvitationSummary[];
  /** Measures to schedule, and each scheduled one with both partners' scores. */
  measures: CouplePageMeasures;
};

/**
 * Everything the couple page shows, for the couple's counsellor only (anyone else: not found),
 * shaped as the page's sections draw it: caseload figures and flags, the charts for the chosen
 * range, activity and notes a page at a time (as many pages as the link asks for), and each
 * person's latest invitation.
 * The couple is read and checked once; every other read then goes out at once, none of them
 * reading or checking the couple again.
 * Records one "couple.view" per call (whatever the page holds), alongside the reads rather than
 * after them, so the audit costs one insert and no extra round trip; a view whose event cannot be
 * written fails with it.
 */
export async function getCouplePage(coupleId: string, query: CouplePageQuery, now: Date = new Date()): Promise<CouplePage> {
  const viewer = await requireRole("counsellor");
  // The couple's page counts days on the clinic's calendar; each partner's flags on their own.
  const today = todayIn(viewer.clinicTimeZone, now);
  const couple = await getCouple(coupleId, viewer);
  const database = await db();
  const search = query.noteSearch;
  const { pages } = query;
  const limits = {
    checkIns: historyLimit("checkIns", pages.checkIns),
    answers: historyLimit("answers", pages.answers),
    agreements: historyLimit("agreements", pages.agreements),
    promises: historyLimit("promises", pages.promises),
  };
  const notesLimit = historyLimit("notes", pages.notes);
  const [figures, charts, activity, notes, invitations, work, measures] = await Promise.all([
    getCaseloadRow(couple.id, now),
    unsafeGetCoupleCharts(viewer, couple, query.range, today),
    unsafeGetCoupleActivity(viewer, couple.id, limits),
    // One more than shown, to know whether older notes remain.
    unsafeListNoteThreads(database, viewer, couple.id, search, notesLimit + 1),
    unsafeListCoupleInvitations(couple.id),
    unsafeGetCoupleWork(couple.id, couple.partners, today, viewer.timeZone),
    // A schedule's start is checked on the counsellor's own calendar, as the schedule form is.
    unsafeGetCouplePageMeasures(viewer.clinicId, couple.id, todayIn(viewer.timeZone, now)),
    recordAudit(database, {
      clinicId: viewer.clinicId,
      actorId: viewer.id,
      action: "couple.view",
      entityId: couple.id,
      coupleId: couple.id,
      metadata: { notesSearched: Boolean(search.q || search.from || search.to) },
    }),
  ]);
  const { trust, partners, ...rest } = charts;
  return {
    couple,
    today,
    timeZone: viewer.timeZone,
    figures,
    charts: {
      ...rest,
      names: [partners[0]?.name ?? "Partner A", partners[1]?.name ?? "Partner B"],
      trust: trust.map((d) => ({ date: d.date, a: d.trustA, b: d.trustB, meanA: d.trustMeanA, meanB: d.trustMeanB, gap: d.trustGap })),
      closeness: trust.map((d) => ({ date: d.date, a: d.closenessA, b: d.closenessB, meanA: d.closenessMeanA, meanB: d.closenessMeanB, gap: null })),
    },
    activity,
    currentStepDone: charts.steps[couple.currentStep - 1]?.status === "done",
    hasActiveAssignments: activity.assignments.some((a) => a.status === "active"),
    work,
    notes: notes.slice(0, notesLimit),
    moreNotes: notes.length > notesLimit,
    noteSearch: query.noteSearch,
    // Newest first from listCoupleInvitations: the first row per address is the latest.
    invitations: invitations.filter((inv, i) => invitations.findIndex((other) => other.email === inv.email) === i),
    measures,
  };
}
