"use server";

import { headers } from "next/headers";
import type { CodeResult } from "@/components/second-factor/code-form";
import { formAction, plainAction, type ActionResult } from "@/lib/actions/action";
import { signOut } from "@/lib/auth";
import { confirmEnrolment, verifySecondFactor } from "@/lib/dal/second-factor";
import { clientAddress } from "@/lib/http/client-address";
import { secondFactorCodeSchema } from "@/lib/validations/second-factor";

/** The second step of signing in: a code from the app or a recovery code; then home. */
export const verifySecondFactorAction = formAction({
  name: "verify-second-factor",
  schema: secondFactorCodeSchema,
  unexpectedMessage: "We couldn't check that code just now. Please try again in a moment.",
  handler: async ({ input }): Promise<ActionResult<CodeResult>> => {
    await verifySecondFactor({ code: input.code, ip: clientAddress(await headers()) });
    return { redirectTo: "/" };
  },
});

/** Enrolling at sign-in, when the clinic requires it: the first code turns it on and finishes signing in. */
export const confirmSignInEnrolmentAction = formAction({
  name: "confirm-sign-in-enrolment",
  schema: secondFactorCodeSchema,
  handler: async ({ input }): Promise<ActionResult<CodeResult>> => {
    const { recoveryCodes } = await confirmEnrolment(input.code);
    return { data: { recoveryCodes } };
  },
});

/** Gives up on this sign-in: the pending session ends. */
export const cancelSignInAction = plainAction({
  name: "cancel-sign-in",
  handler: async () => {
    await signOut({ redirectTo: "/login" });
  },
});
