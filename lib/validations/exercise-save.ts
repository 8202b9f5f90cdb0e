import { z } from "zod";

/**
 * The exercise form's own fields: which button was pressed and who may read the answer. The
 * answer itself is read with `formDataToAnswer` once the kind is known, and checked by the data
 * layer against the kind's schema. Apart from `exercise-form.ts` so the form's client code does
 * not carry zod.
 */
export const exerciseSaveSchema = z.object({
  intent: z.enum(["draft", "submit"]).catch("submit"),
  visibility: z.string().optional(),
});
