import "server-only";
import { and, eq, isNull, max } from "drizzle-orm";
import { notFound } from "next/navigation";
import type { Executor } from "@/db";
import { db } from "@/db/ready";
import { couples, measureResponses, measureSchedules, type MeasureSchedule } from "@/db/schema";
import { InputError } from "@/lib/actions/errors";
import { latestOccasion } from "@/lib/measures/schedule";
import type { IsoDate } from "@/lib/metrics/dates";
import { scoreMeasure } from "@/lib/metrics/measures";
import { todayIn } from "@/lib/time/zone";
import { measureAnswerErrors } from "@/lib/validations/measures";
import { recordAudit } from "./audit";
import { latestMeasureVersion } from "./measures";
import { requirePartnerContext, type PartnerContext } from "./partner-scope";
import { parseIdOrNotFound, refuseAsNotFound } from "./scope";

/**
 * A partner answering the measures their counsellor scheduled. A partner sees the questions and
 * whether they have answered; never a score, a band, a flag, nor anything of the other partner's.
 */

const STOPPED = "Your counsellor has stopped this questionnaire, so there is nothing to answer. Nothing was saved.";
const NOT_DUE = "This questionnaire is not due for that day any more. Please open it again from Today. Nothing was saved.";
const UNANSWERED = "Please answer every question. Nothing was saved yet.";

/** The live schedules of a couple, while the couple is active. */
async function liveSchedules(database: Executor, coupleId: string): Promise<MeasureSchedule[]> {
  const rows = await database
    .select({ schedule: measureSchedules })
    .from(measureSchedules)
    .innerJoin(couples, eq(couples.id, measureSchedules.coupleId))
    .where(and(eq(measureSchedules.coupleId, coupleId), isNull(measureSchedules.stoppedAt), eq(couples.status, "active")))
    .orderBy(measureSchedules.createdAt);
  return rows.map((r) => r.schedule);
}

export type DueMeasure = { scheduleId: string; title: string; occasionOn: IsoDate; items: number };

/**
 * The measures the signed-in partner should answer today (their own calendar day): every live
 * schedule whose latest occasion on or before today has no answer from them yet. What the other
 * partner did makes no difference.
 */
export async function listDueMeasures(now: Date = new Date()): Promise<DueMeasure[]> {
  const ctx = await requirePartnerContext();
  return dueMeasuresOf(await db(), { userId: ctx.viewer.id, coupleId: ctx.coupleId, clinicId: ctx.clinicId }, todayIn(ctx.viewer.timeZone, now));
}

/**
 * {@link listDueMeasures} for a caller that has already established who the partner is and which
 * couple is theirs (Today, which reads the membership once for everything it shows). With nothing
 * scheduled it costs one indexed read. Not an entry point: it trusts its arguments.
 */
export async function dueMeasuresOf(database: Executor, who: { userId: string; coupleId: string; clinicId: string }, today: IsoDate): Promise<DueMeasure[]> {
  const schedules = await liveSchedules(database, who.coupleId);
  if (schedules.length === 0) return [];
  // Answers are only ever given for the latest occasion, so the last one answered tells whether it is done.
  const answered = await database
    .select({ scheduleId: measureResponses.scheduleId, last: max(measureResponses.occasionOn) })
    .from(measureResponses)
    .where(and(eq(measureResponses.coupleId, who.coupleId), eq(measureResponses.userId, who.userId)))
    .groupBy(measureResponses.scheduleId);
  const lastAnswered = new Map(answered.map((a) => [a.scheduleId, a.last]));
  const open = schedules.flatMap((s) => {
    const occasionOn = latestOccasion(s, today);
    const last = lastAnswered.get(s.id);
    return occasionOn === null || (last && last >= occasionOn) ? [] : [{ s, occasionOn }];
  });
  // The versions of the due ones only, read together rather than one after another.
  const versions = await Promise.all(open.map(({ s }) => latestMeasureVersion(database, who.clinicId, s.measureKey)));
  return open.flatMap(({ s, occasionOn }, i) => {
    const version = versions[i];
    return version ? [{ scheduleId: s.id, title: version.definition.title, occasionOn, items: version.definition.items.length }] : [];
  });
}

/** The questions as a partner sees them: wording and answer options only, nothing about scoring. */
export type MeasureForm = {
  scheduleId: string;
  title: string;
  instructions: string | null;
  copyright: string | null;
  items: { id: string; text: string; options: { value: number; label: string }[] }[];
  /** The occasion to answer now; null before the first one. */
  occasionOn: IsoDate | null;
  /** True when the partner has already answered that occasion. */
  answered: boolean;
};

/** A live schedule of the signed-in partner's couple, or "not found" (the attempt is recorded). */
async function requireOwnSchedule(ctx: PartnerContext, scheduleId: string): Promise<MeasureSchedule> {
  const id = parseIdOrNotFound(scheduleId);
  const database = await db();
  const [schedule] = await database
    .select()
    .from(measureSchedules)
    .where(and(eq(measureSchedules.id, id), eq(measureSchedules.coupleId, ctx.coupleId)))
    .limit(1);
  if (!schedule) return refuseAsNotFound(ctx.viewer, "measure_schedule", id);
  return schedule;
}

/**
 * The form of one measure scheduled for the signed-in partner's couple, under the version in
 * force, for the occasion due on their calendar today. A stopped schedule is not found.
 */
export async function getMeasureForm(scheduleId: string, now: Date = new Date()): Promise<MeasureForm> {
  const ctx = await requirePartnerContext();
  const schedule = await requireOwnSchedule(ctx, scheduleId);
  // Their own couple's, so no refusal to record: a stopped questionnaire is simply gone.
  if (schedule.stoppedAt) notFound();
  const database = await db();
  const version = await latestMeasureVersion(database, ctx.clinicId, schedule.measureKey);
  if (!version) notFound();
  const occasionOn = latestOccasion(schedule, todayIn(ctx.viewer.timeZone, now));
  const [mine] = occasionOn
    ? await database
        .select({ id: measureResponses.id })
        .from(measureResponses)
        .where(and(eq(measureResponses.scheduleId, schedule.id), eq(measureResponses.userId, ctx.viewer.id), eq(measureResponses.occasionOn, occasionOn)))
        .limit(1)
    : [];
  const m = version.definition;
  return {
    scheduleId: schedule.id,
    title: m.title,
    instructions: m.instructions ?? null,
    copyright: m.copyright ?? null,
    items: m.items.map((item) => ({ id: item.id, text: item.text, options: item.options.map((o) => ({ value: o.value, label: o.label })) })),
    occasionOn,
    answered: Boolean(mine),
  };
}

/**
 * Stores the signed-in partner's answers to the occasion due today of a schedule of their couple,
 * scored on the server with the version in force. Every item must be answered with one of its
 * own options (each problem goes beside its item, and nothing is written). The same answers sent
 * twice store one: the second finds the first and changes nothing, as answers are signed records.
 * Audited as "measure_response.submit" (the measure's key only).
 *
 * @returns the answer's id, and whether it had already been given. Never a score.
 * @throws InputError for a stopped schedule, an occasion that is not the one due, or answers that
 *   cannot be scored (beside `answers.<item id>`).
 */
export async function submitMeasureResponse(
  scheduleId: string,
  occasionOn: IsoDate,
  answers: Record<string, number | null>,
  now: Date = new Date(),
): Promise<{ id: string; duplicate: boolean }> {
  const ctx = await requirePartnerContext();
  const schedule = await requireOwnSchedule(ctx, scheduleId);
  if (schedule.stoppedAt) throw new InputError(STOPPED);
  if (occasionOn !== latestOccasion(schedule, todayIn(ctx.viewer.timeZone, now))) throw new InputError(NOT_DUE);
  const database = await db();
  const version = await latestMeasureVersion(database, ctx.clinicId, schedule.measureKey);
  if (!version) throw new InputError(STOPPED);
  const errors = measureAnswerErrors(version.definition, answers);
  if (Object.keys(errors).length > 0) throw new InputError(UNANSWERED, errors);
  const complete = answers as Record<string, number>;
  const score = scoreMeasure(version.definition, complete);
  return database.transaction(async (tx) => {
    const [created] = await tx
      .insert(measureResponses)
      .values({
        scheduleId: schedule.id,
        coupleId: ctx.coupleId,
        userId: ctx.viewer.id,
        occasionOn,
        measureVersionId: version.id,
        answers: complete,
        total: score.total,
        subscales: score.subscales,
      })
      .onConflictDoNothing({ target: [measureResponses.scheduleId, measureResponses.userId, measureResponses.occasionOn] })
      .returning({ id: measureResponses.id });
    if (!created) {
      const [first] = await tx
        .select({ id: measureResponses.id })
        .from(measureResponses)
        .where(and(eq(measureResponses.scheduleId, schedule.id), eq(measureResponses.userId, ctx.viewer.id), eq(measureResponses.occasionOn, occasionOn)))
        .limit(1);
      return { id: first!.id, duplicate: true };
    }
    await recordAudit(tx, {
      clinicId: ctx.clinicId,
      actorId: ctx.viewer.id,
      action: "measure_response.submit",
      entityId: created.id,
      coupleId: ctx.coupleId,
      metadata: { measureKey: schedule.measureKey },
    });
    return { id: created.id, duplicate: false };
  });
}
