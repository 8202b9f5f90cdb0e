"use server";

import { formAction } from "@/lib/actions/action";
import { resetSecondFactor, setClinicTwoFactorRequirement } from "@/lib/dal/second-factor";
import { clinicTwoFactorSchema, resetSecondFactorSchema } from "@/lib/validations/second-factor";

/** Requires (or stops requiring) two-factor sign-in of the clinic's staff. */
export const clinicTwoFactorAction = formAction({
  name: "clinic-two-factor",
  schema: clinicTwoFactorSchema,
  revalidate: ["/clinic/settings"],
  handler: async ({ input }) => {
    const required = input.required === "on";
    await setClinicTwoFactorRequirement(required);
    return {
      message: required
        ? "Saved. Staff without two-factor sign-in will set it up the next time they sign in."
        : "Saved. Staff may now choose whether to use two-factor sign-in.",
    };
  },
});

/** Resets a counsellor's second factor (a lost phone): they are signed out and set it up again. */
export const resetSecondFactorAction = formAction({
  name: "reset-second-factor",
  schema: resetSecondFactorSchema,
  revalidate: [{ path: "/clinic/counsellors", type: "layout" }],
  handler: async ({ input }) => {
    await resetSecondFactor(input);
    return { message: "Reset. They are signed out everywhere and can sign in with their password alone, or set up a new code." };
  },
});
