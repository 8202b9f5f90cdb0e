"use server";

import { formAction } from "@/lib/actions/action";
import { partnerPages } from "@/lib/actions/pages";
import { idArg } from "@/lib/actions/schemas";
import { proposeAgreement, respondToAgreement } from "@/lib/dal/agreements";
import { agreementInputSchema, agreementResponseSchema } from "@/lib/validations/agreements";

/** Suggests an agreement; on success the form starts empty for the next one, and the new agreement shows in the list. */
export const proposeAgreementAction = formAction({
  name: "propose-agreement",
  schema: agreementInputSchema,
  revalidate: () => partnerPages("/agreements"),
  handler: async ({ input }) => {
    await proposeAgreement(input);
    return { message: "Your suggestion is sent. Your partner can now accept or decline it." };
  },
});

/** Accepts or declines the other partner's suggestion; bound to the agreement id by the page. */
export const respondToAgreementAction = formAction({
  name: "respond-to-agreement",
  schema: agreementResponseSchema,
  args: [idArg],
  revalidate: () => partnerPages("/agreements"),
  handler: async ({ input, args: [agreementId] }) => {
    await respondToAgreement(agreementId, input.choice);
    return { message: input.choice === "accept" ? "Accepted. This agreement now starts." : "Declined. You could talk about it in your next session." };
  },
});
