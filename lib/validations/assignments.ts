import { z } from "zod";
import { recurrenceEnum } from "@/db/schema/enums";
import { assignableKindsForStep, getStep, hasNoNul, NUL_REFUSED } from "@/lib/program";

/** Longest instructions a counsellor can give with one assignment. */
export const INSTRUCTIONS_MAX = 2000;

/** "both" (or empty) means both partners; anything else must be a partner's id. */
const forWhom = z
  .string()
  .trim()
  .transform((v) => (v === "" || v === "both" ? null : v))
  .pipe(z.uuid({ error: "Choose who this is for." }).nullable());

/**
 * One assignment as the form sends it. `today` is the server's calendar day: a due date before
 * it is refused. The exercise kind must be one the chosen step brings and that can be assigned.
 */
export function assignmentSchema(today: string) {
  return z
    .object({
      step: z.coerce
        .number({ error: "Choose a step." })
        .int({ error: "Choose a step." })
        .refine((n) => getStep(n) !== undefined, { error: "Choose one of the ten steps." }),
      exerciseKind: z.string({ error: "Choose an exercise." }).trim().min(1, "Choose an exercise."),
      forUserId: forWhom,
      dueOn: z.iso
        .date({ error: "Enter the due date as a real date." })
        .refine((d) => d >= today, { error: "The due date can't be in the past." }),
      recurrence: z.enum(recurrenceEnum.enumValues, { error: "Choose how often." }),
      instructions: z
        .string()
        .trim()
        .max(INSTRUCTIONS_MAX, {
          error: (issue) =>
            `Keep instructions to ${INSTRUCTIONS_MAX.toLocaleString("en-GB")} characters or fewer (this is ${String((issue.input as string | undefined)?.length ?? "")}).`,
        })
        .refine(hasNoNul, { error: NUL_REFUSED })
        .default(""),
    })
    .superRefine((value, ctx) => {
      if (!getStep(value.step)) return;
      if (!assignableKindsForStep(value.step).some((k) => k.id === value.exerciseKind)) {
        ctx.addIssue({ code: "custom", path: ["exerciseKind"], message: "Choose an exercise that belongs to this step." });
      }
    });
}

export type AssignmentInput = z.output<ReturnType<typeof assignmentSchema>>;

export const stepDoneSchema = z.object({
  step: z.coerce.number().int().min(1).max(10),
});
