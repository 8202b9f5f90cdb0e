import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db/ready";
import { coupleMembers, measureResponses, measureSchedules, measureVersions } from "@/db/schema";
import type { MeasureDefinition } from "@/lib/measures/definition";
import { nextOccasion } from "@/lib/measures/schedule";
import type { IsoDate } from "@/lib/metrics/dates";
import { judgementOf, measureScope, readDefinition, type MeasureJudgement } from "./measures";
import type { CoupleMeasureSchedule } from "./measure-schedules";

/** A measure the counsellor can schedule: the latest version of each key the clinic can use. */
export type MeasureOption = { key: string; title: string; version: number; validated: boolean };

export type CouplePageMeasures = {
  /** The counsellor's calendar day, which a schedule's start is checked against. */
  today: IsoDate;
  /** Mend's own first, then the clinic's imported ones, by title. */
  options: MeasureOption[];
  /** Live and stopped schedules, newest first, each with both partners' scores. */
  schedules: CoupleMeasureSchedule[];
};

/**
 * The couple page's measures: what can be scheduled, and each schedule with both partners'
 * scored answers (listCoupleMeasures reads them here too, once it has checked the couple). Two indexed statements (the clinic's measure versions, a handful of rows; the
 * couple's schedules with their answers joined), sent together. Unscoped: the couple page has
 * already read the couple in the counsellor's scope, and `clinicId` must be that couple's clinic.
 */
export async function unsafeGetCouplePageMeasures(clinicId: string, coupleId: string, today: IsoDate): Promise<CouplePageMeasures> {
  const database = await db();
  const [versions, rows] = await Promise.all([
    database
      .select({ id: measureVersions.id, key: measureVersions.key, version: measureVersions.version, definition: measureVersions.definition })
      .from(measureVersions)
      .where(measureScope(clinicId))
      .orderBy(asc(measureVersions.key), desc(measureVersions.version)),
    database
      .select({
        schedule: measureSchedules,
        response: {
          id: measureResponses.id,
          partnerId: measureResponses.userId,
          slot: coupleMembers.slot,
          occasionOn: measureResponses.occasionOn,
          versionId: measureResponses.measureVersionId,
          total: measureResponses.total,
          subscales: measureResponses.subscales,
          submittedAt: measureResponses.submittedAt,
        },
      })
      .from(measureSchedules)
      .leftJoin(measureResponses, eq(measureResponses.scheduleId, measureSchedules.id))
      .leftJoin(coupleMembers, and(eq(coupleMembers.coupleId, measureSchedules.coupleId), eq(coupleMembers.userId, measureResponses.userId)))
      .where(eq(measureSchedules.coupleId, coupleId))
      .orderBy(sql`${measureSchedules.createdAt} desc`, asc(measureResponses.occasionOn), asc(coupleMembers.slot)),
  ]);
  // A clinic's import of a key never shadows Mend's own: Mend's keys are reserved on import.
  const byId = new Map(versions.map((v) => [v.id, { key: v.key, version: v.version, definition: readDefinition(v.definition) }]));
  const latest = new Map<string, { version: number; definition: ReturnType<typeof readDefinition> }>();
  for (const v of byId.values()) if ((latest.get(v.key)?.version ?? 0) < v.version) latest.set(v.key, v);
  const options: MeasureOption[] = [...latest.values()]
    .map((v) => v.definition)
    .sort((a, b) => (a.source === b.source ? a.title.localeCompare(b.title) || a.key.localeCompare(b.key) : a.source === "mend" ? -1 : 1))
    .map((d) => ({ key: d.key, title: d.title, version: latest.get(d.key)!.version, validated: d.validated }));

  const schedules = new Map<string, CoupleMeasureSchedule>();
  for (const { schedule: s, response: r } of rows) {
    if (!schedules.has(s.id)) schedules.set(s.id, scheduleView(s, latest.get(s.measureKey), today));
    // No answer yet (the left join's empty row), or an answer from someone no longer in the couple.
    if (!r || r.id === null || r.partnerId === null || r.slot === null || r.occasionOn === null || r.versionId === null || r.total === null || r.submittedAt === null) continue;
    const view = schedules.get(s.id)!;
    const answered = byId.get(r.versionId);
    if (answered) view.versions[answered.version] = judgementOf(answered.definition);
    view.responses.push({
      partnerId: r.partnerId,
      slot: r.slot,
      occasionOn: r.occasionOn,
      version: answered?.version ?? 0,
      total: r.total,
      subscales: (r.subscales ?? {}) as Record<string, number>,
      submittedAt: r.submittedAt,
    });
  }
  return { today, options, schedules: [...schedules.values()] };
}

/**
 * A schedule before its answers: titled and judged by the measure's latest version (`current`),
 * with its next occasion after `today`.
 */
function scheduleView(
  s: { id: string; measureKey: string; everyWeeks: number; startsOn: IsoDate; endsOn: IsoDate | null; createdAt: Date; stoppedAt: Date | null },
  current: { version: number; definition: MeasureDefinition } | undefined,
  today: IsoDate,
): CoupleMeasureSchedule {
  const versions: Record<number, MeasureJudgement> = {};
  if (current) versions[current.version] = judgementOf(current.definition);
  return {
    id: s.id,
    measureKey: s.measureKey,
    title: current?.definition.title ?? s.measureKey,
    validated: current?.definition.validated ?? false,
    everyWeeks: s.everyWeeks,
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    createdAt: s.createdAt,
    stoppedAt: s.stoppedAt,
    nextOccasionOn: s.stoppedAt ? null : nextOccasion(s, today),
    versions,
    responses: [],
  };
}
