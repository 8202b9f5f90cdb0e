import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db/ready";
import { coupleMembers, couples, measureSchedules, users, type PartnerSlot } from "@/db/schema";
import { InputError } from "@/lib/actions/errors";
import type { IsoDate } from "@/lib/metrics/dates";
import { todayIn } from "@/lib/time/zone";
import type { MeasureScheduleInput } from "@/lib/validations/measures";
import { recordAudit } from "./audit";
import { unsafeGetCouplePageMeasures } from "./couple-measures";
import { latestMeasureVersion, type MeasureJudgement } from "./measures";
import { coupleScope, parseIdOrNotFound, refuseAsNotFound } from "./scope";
import { requireRole, type Viewer } from "./viewer";

const UNKNOWN_MEASURE = "Choose one of the clinic's measures.";
const ALREADY_SCHEDULED = "This couple already answers this measure on a schedule. Stop that schedule first to start a new one.";

/** A couple the signed-in counsellor carries, or "not found" (the attempt is recorded). */
async function requireOwnCouple(viewer: Viewer, coupleId: string): Promise<{ id: string; clinicId: string }> {
  const id = parseIdOrNotFound(coupleId);
  const database = await db();
  const [couple] = await database
    .select({ id: couples.id, clinicId: couples.clinicId })
    .from(couples)
    .where(and(eq(couples.id, id), coupleScope(viewer)))
    .limit(1);
  if (!couple) return refuseAsNotFound(viewer, "couple", id);
  return couple;
}

/**
 * Asks both partners of a couple the signed-in counsellor carries to answer a measure: on the
 * start day, every N weeks, and on the end day if one is given. `value` is the form as parsed by
 * `measureScheduleSchema(today)`. The measure must be one the couple's clinic can use. A couple
 * has at most one live schedule per measure: a live one whose end day has passed is stopped
 * first; an identical one (the same form sent twice) is returned as it is; any other is refused.
 * Audited as "measure_schedule.create".
 *
 * @throws InputError on `measureKey` for a measure the clinic does not have, or one already scheduled.
 */
export async function scheduleMeasure(coupleId: string, value: MeasureScheduleInput): Promise<{ id: string; duplicate: boolean }> {
  const viewer = await requireRole("counsellor");
  const couple = await requireOwnCouple(viewer, coupleId);
  const today = todayIn(viewer.timeZone);
  const database = await db();
  return database.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`measure-schedule:${couple.id}:${value.measureKey}`}))`);
    if (!(await latestMeasureVersion(tx, couple.clinicId, value.measureKey))) throw new InputError(UNKNOWN_MEASURE, "measureKey");
    const [live] = await tx
      .select()
      .from(measureSchedules)
      .where(and(eq(measureSchedules.coupleId, couple.id), eq(measureSchedules.measureKey, value.measureKey), isNull(measureSchedules.stoppedAt)))
      .limit(1);
    if (live) {
      const same = live.everyWeeks === value.everyWeeks && live.startsOn === value.startsOn && live.endsOn === value.endsOn;
      if (same) return { id: live.id, duplicate: true };
      if (live.endsOn === null || live.endsOn >= today) throw new InputError(ALREADY_SCHEDULED, "measureKey");
      // Its last occasion has passed: it ends now, and the new one takes its place.
      await tx.update(measureSchedules).set({ stoppedAt: sql`now()`, stoppedBy: viewer.id }).where(eq(measureSchedules.id, live.id));
    }
    const [created] = await tx
      .insert(measureSchedules)
      .values({ coupleId: couple.id, ...value, createdBy: viewer.id })
      .returning({ id: measureSchedules.id });
    await recordAudit(tx, {
      clinicId: viewer.clinicId,
      actorId: viewer.id,
      action: "measure_schedule.create",
      entityId: created!.id,
      coupleId: couple.id,
      metadata: { measureKey: value.measureKey, everyWeeks: value.everyWeeks },
    });
    return { id: created!.id, duplicate: false };
  });
}

/**
 * Stops a live schedule of a couple the signed-in counsellor carries: nothing more is due, and
 * the answers given so far stay. Stopping a stopped schedule changes nothing. Audited as
 * "measure_schedule.stop".
 *
 * @returns whether this call stopped it.
 */
export async function stopSchedule(scheduleId: string): Promise<{ stopped: boolean }> {
  const viewer = await requireRole("counsellor");
  const id = parseIdOrNotFound(scheduleId);
  const database = await db();
  const [schedule] = await database
    .select({ id: measureSchedules.id, coupleId: measureSchedules.coupleId, measureKey: measureSchedules.measureKey })
    .from(measureSchedules)
    .innerJoin(couples, eq(couples.id, measureSchedules.coupleId))
    .where(and(eq(measureSchedules.id, id), coupleScope(viewer)))
    .limit(1);
  if (!schedule) return refuseAsNotFound(viewer, "measure_schedule", id);
  return database.transaction(async (tx) => {
    const stopped = await tx
      .update(measureSchedules)
      .set({ stoppedAt: sql`now()`, stoppedBy: viewer.id })
      .where(and(eq(measureSchedules.id, id), isNull(measureSchedules.stoppedAt)))
      .returning({ id: measureSchedules.id });
    if (stopped.length === 0) return { stopped: false };
    await recordAudit(tx, {
      clinicId: viewer.clinicId,
      actorId: viewer.id,
      action: "measure_schedule.stop",
      entityId: id,
      coupleId: schedule.coupleId,
      metadata: { measureKey: schedule.measureKey },
    });
    return { stopped: true };
  });
}

/** One partner's scored answer to one occasion, under the version it was given with. */
export type ScoredResponse = {
  partnerId: string;
  slot: PartnerSlot;
  occasionOn: IsoDate;
  version: number;
  total: number;
  subscales: Record<string, number>;
  submittedAt: Date;
};

export type CoupleMeasureSchedule = {
  id: string;
  measureKey: string;
  /** The latest version's title. */
  title: string;
  validated: boolean;
  everyWeeks: number;
  startsOn: IsoDate;
  endsOn: IsoDate | null;
  createdAt: Date;
  stoppedAt: Date | null;
  /** The first occasion after today on the counsellor's calendar; null once stopped or past its end. */
  nextOccasionOn: IsoDate | null;
  /** What a score means under each version answered (and the latest), by version number. */
  versions: Record<number, MeasureJudgement>;
  /** Both partners' answers, oldest occasion first, partner A before B on a day. */
  responses: ScoredResponse[];
};

export type CoupleMeasures = {
  partners: { id: string; name: string; slot: PartnerSlot }[];
  schedules: CoupleMeasureSchedule[];
};

/**
 * The measures scheduled for a couple the signed-in counsellor carries, live and stopped
 * (newest first), each with both partners' scored answers over time: what the couple page's
 * charts draw. Only the couple's counsellor reads scores; partners never do.
 */
export async function listCoupleMeasures(coupleId: string): Promise<CoupleMeasures> {
  const viewer = await requireRole("counsellor");
  const couple = await requireOwnCouple(viewer, coupleId);
  const database = await db();
  // The couple page's reader, now that the couple is known to be this counsellor's.
  const [partners, { schedules }] = await Promise.all([
    database
      .select({ id: users.id, name: users.name, slot: coupleMembers.slot })
      .from(coupleMembers)
      .innerJoin(users, eq(users.id, coupleMembers.userId))
      .where(eq(coupleMembers.coupleId, couple.id))
      .orderBy(asc(coupleMembers.slot)),
    unsafeGetCouplePageMeasures(couple.clinicId, couple.id, todayIn(viewer.timeZone)),
  ]);
  return { partners, schedules };
}
