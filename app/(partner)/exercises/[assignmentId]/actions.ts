"use server";

import { formAction } from "@/lib/actions/action";
import { partnerPages } from "@/lib/actions/pages";
import { idArg } from "@/lib/actions/schemas";
import { saveExerciseResponse } from "@/lib/dal/exercise-answers";
import { getExercise } from "@/lib/dal/exercises";
import { EXERCISE_KINDS } from "@/lib/program";
import { formDataToAnswer } from "@/lib/validations/exercise-form";
import { exerciseSaveSchema } from "@/lib/validations/exercise-save";

/** What the exercise form shows after a save: where to find help, after a safety screen that shows risk. */
export type ExerciseSaved = { safetyConcern: boolean };

/**
 * Saves a draft or sends the answer of one exercise; bound to the assignment id by the page. The
 * answer's fields depend on the exercise's kind, so it is read once the kind is known and checked
 * once, by the data layer, against that kind's schema.
 */
export const saveExerciseAction = formAction({
  name: "save-exercise",
  schema: exerciseSaveSchema,
  args: [idArg],
  invalidMessage: (values) => (values.intent === "draft" ? undefined : "Some answers need another look before you send them."),
  revalidate: ({ args: [assignmentId] }) => partnerPages("/exercises", `/exercises/${assignmentId}`),
  handler: async ({ input, args: [assignmentId], formData }) => {
    // Scoped lookup first: a forged id is not found before anything is read from the form.
    const exercise = await getExercise(assignmentId);
    const payload = formDataToAnswer(EXERCISE_KINDS[exercise.kind].fields, formData);
    const result = await saveExerciseResponse(assignmentId, { payload, visibility: input.visibility, intent: input.intent });
    return {
      message: result.status === "draft" ? "Your draft is saved. Only you can see a draft." : "Thank you. Your answer is sent.",
      data: { safetyConcern: result.safetyConcern } satisfies ExerciseSaved,
      keepValues: true,
    };
  },
});
