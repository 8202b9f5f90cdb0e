import { z } from "zod";
import { promiseStatusEnum } from "@/db/schema/enums";
import { EXERCISE_KINDS } from "@/lib/program";

/** How far in the past a new promise's due time may be: the minute typed into the form has usually just gone by. */
export const PROMISE_DUE_GRACE_MS = 10 * 60_000;

/** The promise form: the program's promise answer (what, by when, details). */
export const promiseInputSchema = EXERCISE_KINDS.promise.schema;
export type PromiseInput = z.output<typeof promiseInputSchema>;

/** A datetime-local value has no zone: it means the server's local time, as the rest of the app's dates do. */
export function parseDueAt(value: string): Date {
  return new Date(value);
}

export const promiseOutcomeSchema = z.enum(promiseStatusEnum.enumValues).extract(["kept", "broken"], { error: "Please choose kept or not kept." });
export type PromiseOutcome = z.output<typeof promiseOutcomeSchema>;

/** The kept / not kept buttons under a promise that is due. */
export const promiseConfirmSchema = z.object({ choice: promiseOutcomeSchema });
