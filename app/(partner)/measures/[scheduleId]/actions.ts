"use server";

import { formAction } from "@/lib/actions/action";
import { partnerPages } from "@/lib/actions/pages";
import { idArg } from "@/lib/actions/schemas";
import { submitMeasureResponse } from "@/lib/dal/measure-responses";
import { measureResponseSchema } from "@/lib/validations/measures";

/**
 * The form's fields as the schema reads them: the occasion, and every `answers.<item id>` as one
 * answer. Read by prefix rather than as dotted paths, since an item id may itself hold a dot.
 */
function measureFormInput(formData: FormData): unknown {
  const answers: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && key.startsWith("answers.")) answers[key.slice("answers.".length)] = value;
  }
  return { occasionOn: formData.get("occasionOn") ?? undefined, answers };
}

/**
 * Stores the signed-in partner's answers to a questionnaire due today; bound to the schedule id
 * by the page. Scored on the server, never shown to the partner: they go back to Today with a
 * thank-you. Sent twice, it stores one and says the same.
 */
export const submitMeasureAction = formAction({
  name: "submit-measure",
  schema: measureResponseSchema,
  args: [idArg],
  input: measureFormInput,
  invalidMessage: "Please answer every question. Nothing was saved yet.",
  revalidate: ({ args: [scheduleId] }) => partnerPages(`/measures/${scheduleId}`),
  handler: async ({ input, args: [scheduleId] }) => {
    await submitMeasureResponse(scheduleId, input.occasionOn, input.answers);
    return { redirectTo: "/today?answered=1" };
  },
});
