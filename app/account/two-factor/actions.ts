"use server";

import type { CodeResult } from "@/components/second-factor/code-form";
import { formAction, type ActionResult } from "@/lib/actions/action";
import { confirmEnrolment, disableSecondFactor } from "@/lib/dal/second-factor";
import { secondFactorCodeSchema } from "@/lib/validations/second-factor";

/**
 * Turns two-factor sign-in on with the app's first code; the recovery codes come back to show once.
 * Nothing is revalidated: re-rendering this page now that the factor is on would redirect it to
 * /account before the codes were seen (and /account is rendered afresh when "Continue" opens it).
 */
export const enableSecondFactorAction = formAction({
  name: "enable-second-factor",
  schema: secondFactorCodeSchema,
  handler: async ({ input }): Promise<ActionResult<CodeResult>> => {
    const { recoveryCodes } = await confirmEnrolment(input.code);
    return { data: { recoveryCodes } };
  },
});

/** Turns two-factor sign-in off, with a current code as proof. */
export const disableSecondFactorAction = formAction({
  name: "disable-second-factor",
  schema: secondFactorCodeSchema,
  revalidate: ["/account"],
  handler: async ({ input }): Promise<ActionResult<CodeResult>> => {
    await disableSecondFactor(input.code);
    return { message: "Two-factor sign-in is off." };
  },
});
