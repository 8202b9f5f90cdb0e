import { z } from "zod";
import type { MeasureDefinition } from "@/lib/measures/definition";
import { QUESTIONNAIRE_MAX_BYTES } from "@/lib/measures/fhir";
import { MEASURE_EVERY_WEEKS_DEFAULT, MEASURE_EVERY_WEEKS_MAX, MEASURE_EVERY_WEEKS_MIN } from "@/lib/measures/schedule";
import { addIsoDays } from "@/lib/metrics/dates";
import { hasNoNul, NUL_REFUSED } from "@/lib/program/fields";

/** A schedule's end may be this many days after its start at most (two years of therapy). */
export const MEASURE_SCHEDULE_MAX_DAYS = 731;

const NO_QUESTIONNAIRE = "Choose a .json file or paste the Questionnaire.";
const TOO_LARGE = "The file is larger than 256 kB; an instrument is a few kilobytes.";

/**
 * The import form: a .json file, or the Questionnaire pasted as text. An empty file input
 * (nothing chosen) arrives as a file of 0 bytes and counts as no file.
 */
export const measureImportSchema = z
  .object({
    file: z
      .instanceof(File)
      .optional()
      .transform((f) => (f && f.size > 0 ? f : undefined))
      .refine((f) => f === undefined || f.size <= QUESTIONNAIRE_MAX_BYTES, { error: TOO_LARGE }),
    pasted: z.string().max(QUESTIONNAIRE_MAX_BYTES, { error: TOO_LARGE }).refine(hasNoNul, { error: NUL_REFUSED }).default(""),
  })
  .superRefine((value, ctx) => {
    if (!value.file && value.pasted.trim() === "") ctx.addIssue({ code: "custom", path: ["file"], message: NO_QUESTIONNAIRE });
  });
export type MeasureImportInput = z.output<typeof measureImportSchema>;

const measureKey = z
  .string({ error: "Choose a measure." })
  .trim()
  .min(1, { error: "Choose a measure." })
  .max(64, { error: "Choose one of the clinic's measures." })
  // A measure's key as its definition allows it (letters, digits, dots, dashes, underscores), so
  // nothing else, a NUL byte included, reaches the database.
  // (An empty one is left to the "Choose a measure." above.)
  .regex(/^(?:[A-Za-z0-9][A-Za-z0-9._-]*)?$/, { error: "Choose one of the clinic's measures." });

const isIsoDay = (value: unknown) => z.iso.date().safeParse(value).success;

/**
 * A counsellor's schedule for a couple. `today` is the counsellor's calendar day: a start before
 * it is refused. Every 1 to 12 weeks (2 when left empty); the end, if given, on or after the start.
 */
export function measureScheduleSchema(today: string) {
  const weeks = `Choose how many weeks apart, from ${MEASURE_EVERY_WEEKS_MIN} to ${MEASURE_EVERY_WEEKS_MAX}.`;
  return z
    .object({
      measureKey,
      everyWeeks: z
        .union([z.literal("").transform(() => MEASURE_EVERY_WEEKS_DEFAULT), z.coerce.number({ error: weeks })])
        .default(MEASURE_EVERY_WEEKS_DEFAULT)
        .pipe(
          z
            .number({ error: weeks })
            .int({ error: "Use a whole number of weeks." })
            .min(MEASURE_EVERY_WEEKS_MIN, { error: "A schedule needs at least one week between occasions; 0 weeks is not a schedule." })
            .max(MEASURE_EVERY_WEEKS_MAX, { error: weeks }),
        ),
      startsOn: z.iso.date({ error: "Enter the start date as a real date." }).refine((d) => d >= today, { error: "The start date can't be in the past." }),
      endsOn: z
        .union([z.literal("").transform(() => null), z.iso.date({ error: "Enter the end date as a real date, or leave it empty." })])
        .nullable()
        .optional()
        .transform((v) => v ?? null),
    })
    .superRefine((value, ctx) => {
      // Zod still runs this when a field has failed: an unreadable start is reported on its own.
      if (value.endsOn === null || !isIsoDay(value.startsOn)) return;
      if (value.endsOn < value.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "The end date can't be before the start date." });
      else if (value.endsOn > addIsoDays(value.startsOn, MEASURE_SCHEDULE_MAX_DAYS))
        ctx.addIssue({ code: "custom", path: ["endsOn"], message: "End the schedule within two years of its start." });
    });
}
export type MeasureScheduleInput = z.output<ReturnType<typeof measureScheduleSchema>>;

/**
 * A partner's answers as the form sends them: `answers.<item id>` = the chosen option's value,
 * and the occasion the form was opened for. Whether every item is answered, and with one of its
 * own options, depends on the measure: see {@link measureAnswerErrors}.
 */
export const measureResponseSchema = z.object({
  occasionOn: z.iso.date({ error: "This questionnaire's date is missing; please open it again from Today." }),
  answers: z
    // Keys are item ids (lib/measures/definition.ts spells them); anything else is no item of ours.
    .record(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { error: "These answers are not for this questionnaire." }), z.union([z.string().max(32), z.number()]))
    .default({})
    .transform((answers) => {
      const out: Record<string, number | null> = {};
      for (const [id, raw] of Object.entries(answers)) {
        const text = typeof raw === "number" ? String(raw) : raw.trim();
        // An empty choice is no answer; anything that is not a plain number is no option.
        out[id] = text === "" ? null : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
      }
      return out;
    }),
});
export type MeasureResponseInput = z.output<typeof measureResponseSchema>;

/** Where a field error for an item goes: the form names each item's radio group this way. */
export function answerField(itemId: string): string {
  return `answers.${itemId}`;
}

/**
 * Every problem with one partner's answers to a measure, beside the item it concerns: an item
 * left unanswered, or a value that is not one of the item's options. An answer to an item the
 * measure does not have is refused for the whole form. Empty when the answers can be scored.
 */
export function measureAnswerErrors(m: Pick<MeasureDefinition, "items">, answers: Record<string, number | null>): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const known = new Set(m.items.map((i) => i.id));
  const unknown = Object.keys(answers).filter((id) => !known.has(id));
  if (unknown.length > 0) errors.answers = ["These answers are for a different version of this questionnaire; please open it again from Today."];
  for (const item of m.items) {
    const value = answers[item.id];
    if (value === undefined || value === null) errors[answerField(item.id)] = ["Please answer this question."];
    else if (!item.options.some((o) => o.value === value)) errors[answerField(item.id)] = ["Please choose one of the answers given."];
  }
  return errors;
}
