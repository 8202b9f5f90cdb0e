"use server";

import { getExercise, saveExerciseResponse } from "@/lib/dal/exercises";
import { EXERCISE_KINDS, parseAnswer } from "@/lib/program";
import { formDataToAnswer, issuesByPath } from "@/lib/validations/exercise-form";
import type { PartnerFormState } from "@/lib/validations/form-state";
import { failureState, revalidatePartnerPages } from "../../action-helpers";

/** Saves a draft or sends the answer of one exercise; bound to the assignment id by the page. */
export async function saveExerciseAction(assignmentId: string, _prev: PartnerFormState, formData: FormData): Promise<PartnerFormState> {
  let values: Record<string, unknown> = {};
  try {
    // Scoped lookup first: a forged id is not found before anything is read from the form.
    const exercise = await getExercise(assignmentId);
    const kind = EXERCISE_KINDS[exercise.kind];
    const answer = formDataToAnswer(kind.fields, formData);
    const visibility = formData.get("visibility");
    values = { ...answer, __visibility: typeof visibility === "string" ? visibility : undefined };
    const intent = formData.get("intent") === "draft" ? "draft" : "submit";
    if (intent === "submit") {
      const parsed = parseAnswer(kind.id, answer);
      if (!parsed.success) {
        return { fieldErrors: issuesByPath(parsed.error), message: "Some answers need another look before you send them.", values, nonce: Date.now() };
      }
    }
    const result = await saveExerciseResponse(assignmentId, { payload: answer, visibility, intent });
    await revalidatePartnerPages("/exercises", `/exercises/${exercise.id}`);
    return {
      ok: result.status === "draft" ? "Your draft is saved. Only you can see a draft." : "Thank you. Your answer is sent.",
      safetyConcern: result.safetyConcern,
      values,
      nonce: Date.now(),
    };
  } catch (error) {
    return failureState(error, values);
  }
}
