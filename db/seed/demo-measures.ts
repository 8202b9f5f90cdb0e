import { and, inArray, isNull } from "drizzle-orm";
import { MEND_MEASURES } from "../../lib/measures/mend-measures";
import { latestOccasion } from "../../lib/measures/schedule";
import { addIsoDays } from "../../lib/metrics/dates";
import { scoreMeasure } from "../../lib/metrics/measures";
import * as schema from "../schema";
import type { Executor } from "../index";
import type { ClinicRows } from "./types";

/** Mend's trust check every week and its relationship check every two weeks, as a counsellor would set them. */
const PLAN = [
  { key: "mend-trust-check", everyWeeks: 1 },
  { key: "mend-relationship-check", everyWeeks: 2 },
] as const;

/** A small fixed wobble (−1, 0 or +1) so answers are not a straight copy of the trust score. */
function wobble(...parts: string[]): number {
  let h = 2166136261;
  for (const c of parts.join("|")) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return ((h >>> 0) % 3) - 1;
}

/**
 * Both Mend measures scheduled for every active couple of the demo clinic from the day they
 * started, answered by each partner on every occasion up to today. Each partner's answers follow
 * their own daily trust in the week before (so improving couples improve and declining ones
 * decline), and nothing is left due today: Today reads as it did before measures existed.
 */
export async function insertDemoMeasures(tx: Executor, rows: ClinicRows, today: string): Promise<void> {
  const versions = await tx
    .select({ id: schema.measureVersions.id, key: schema.measureVersions.key, version: schema.measureVersions.version })
    .from(schema.measureVersions)
    .where(and(isNull(schema.measureVersions.clinicId), inArray(schema.measureVersions.key, PLAN.map((p) => p.key))));
  const trustBy = new Map<string, Map<string, number>>();
  for (const c of rows.checkIns) {
    if (!trustBy.has(c.userId)) trustBy.set(c.userId, new Map());
    trustBy.get(c.userId)!.set(c.date, c.trust);
  }
  /** The partner's mean trust over the week up to `day`, or their nearest earlier days, or the middle of the scale. */
  const trustNear = (userId: string, day: string): number => {
    const days = trustBy.get(userId);
    for (const span of [7, 21, 60]) {
      const seen = Array.from({ length: span }, (_, i) => days?.get(addIsoDays(day, -i))).filter((t): t is number => t !== undefined);
      if (seen.length > 0) return seen.reduce((a, b) => a + b, 0) / seen.length;
    }
    return 5;
  };
  const schedules: (typeof schema.measureSchedules.$inferInsert)[] = [];
  const responses: (typeof schema.measureResponses.$inferInsert)[] = [];
  for (const couple of rows.couples.filter((c) => c.status === "active")) {
    const members = rows.coupleMembers.filter((m) => m.coupleId === couple.id);
    for (const plan of PLAN) {
      const m = MEND_MEASURES.find((d) => d.key === plan.key)!;
      const stored = versions.filter((v) => v.key === plan.key).sort((a, b) => b.version - a.version)[0];
      if (!stored) continue;
      const scheduleId = crypto.randomUUID();
      const rule = { startsOn: couple.startedOn, everyWeeks: plan.everyWeeks, endsOn: null };
      schedules.push({ id: scheduleId, coupleId: couple.id!, measureKey: plan.key, everyWeeks: plan.everyWeeks, startsOn: couple.startedOn, createdBy: couple.counsellorId, createdAt: new Date(`${couple.startedOn}T10:00:00Z`) });
      const last = latestOccasion(rule, today);
      if (last === null) continue;
      for (let day = couple.startedOn; day <= last; day = addIsoDays(day, 7 * plan.everyWeeks)) {
        for (const member of members) {
          // Trust 0–10 onto the 0–4 answers; reverse-keyed items ("I felt alone") run the other way.
          const level = (trustNear(member.userId, day) / 10) * 4;
          const answers = Object.fromEntries(
            m.items.map((item) => {
              const value = Math.min(4, Math.max(0, Math.round(item.reverseKeyed ? 4 - level : level) + wobble(plan.key, member.userId, day, item.id)));
              return [item.id, value];
            }),
          );
          const score = scoreMeasure(m, answers);
          responses.push({
            scheduleId,
            coupleId: couple.id!,
            userId: member.userId,
            occasionOn: day,
            measureVersionId: stored.id,
            answers,
            total: score.total,
            subscales: score.subscales,
            submittedAt: new Date(`${day}T19:00:00Z`),
          });
        }
      }
    }
  }
  if (schedules.length > 0) await tx.insert(schema.measureSchedules).values(schedules);
  for (let i = 0; i < responses.length; i += 500) await tx.insert(schema.measureResponses).values(responses.slice(i, i + 500));
}
