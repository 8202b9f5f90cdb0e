"use server";

import { formAction } from "@/lib/actions/action";
import { partnerPages } from "@/lib/actions/pages";
import { saveCheckIn } from "@/lib/dal/check-ins";
import { checkInFormSchema, checkInFormValues } from "@/lib/validations/check-in";

/** Saves today's check-in; the form keeps showing what was saved. */
export const saveCheckInAction = formAction({
  name: "save-check-in",
  schema: checkInFormSchema,
  input: checkInFormValues,
  revalidate: () => partnerPages("/check-in", "/progress"),
  handler: async ({ input }) => {
    const { created } = await saveCheckIn(input);
    return { message: created ? "Thank you. Today's check-in is saved." : "Thank you. Today's check-in is updated.", keepValues: true };
  },
});
