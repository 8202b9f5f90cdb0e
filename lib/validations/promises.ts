import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import { promiseStatusEnum } from "@/db/schema/enums";
import { EXERCISE_KINDS } from "@/lib/program";

/** How far in the past a new promise's due time may be: the minute typed into the form has usually just gone by. */
export const PROMISE_DUE_GRACE_MS = 10 * 60_000;

/** The promise form: the program's promise answer (what, by when, details). */
export const promiseInputSchema = EXERCISE_KINDS.promise.schema;
export type PromiseInput = z.output<typeof promiseInputSchema>;

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A datetime-local value has no zone: it is a time on the partner's own clock, so it is read in
 * their zone (`zone`, their own else their clinic's), never the server's. A value with an offset
 * or "Z" already names its instant.
 */
export function parseDueAt(value: string, zone = "UTC"): Date {
  const wall = WALL_CLOCK.exec(value);
  if (!wall) return new Date(value);
  const [year, month, day, hour, minute, second] = wall.slice(1).map((part) => Number(part ?? 0));
  return new Date(new TZDate(year!, month! - 1, day!, hour!, minute!, second ?? 0, zone).getTime());
}

export const promiseOutcomeSchema = z.enum(promiseStatusEnum.enumValues).extract(["kept", "broken"], { error: "Please choose kept or not kept." });
export type PromiseOutcome = z.output<typeof promiseOutcomeSchema>;

/** The kept / not kept buttons under a promise that is due. */
export const promiseConfirmSchema = z.object({ choice: promiseOutcomeSchema });
