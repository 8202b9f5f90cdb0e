"use server";

import { formAction } from "@/lib/actions/action";
import { partnerPages } from "@/lib/actions/pages";
import { idArg, noFields } from "@/lib/actions/schemas";
import { endAgreement, proposeAgreement, respondToAgreement, undoAgreementAcceptance } from "@/lib/dal/agreements";
import { agreementInputSchema, agreementResponseSchema } from "@/lib/validations/agreements";

/** Suggests an agreement; on success the form starts empty for the next one, and the new agreement shows in the list. */
export const proposeAgreementAction = formAction({
  name: "propose-agreement",
  schema: agreementInputSchema,
  revalidate: () => partnerPages("/agreements", "/check-in"),
  handler: async ({ input }) => {
    await proposeAgreement(input);
    return { message: "Your suggestion is sent. Your partner can now accept or decline it." };
  },
});

/**
 * Accepts or declines the other partner's suggestion; bound to the agreement id by the page.
 * Accepting moves the agreement to another list, so the confirmation is shown by the page at its
 * top (`?accepted=`) rather than in the buttons' form, which is gone once it is answered.
 */
export const respondToAgreementAction = formAction({
  name: "respond-to-agreement",
  schema: agreementResponseSchema,
  args: [idArg],
  revalidate: () => partnerPages("/agreements", "/check-in"),
  handler: async ({ input, args: [agreementId] }) => {
    await respondToAgreement(agreementId, input.choice);
    if (input.choice === "accept") return { redirectTo: `/agreements?accepted=${agreementId}` };
    return { message: "Declined. You could talk about it in your next session." };
  },
});

/** Ends an agreement in force from today; either partner may. Bound to the agreement id by the page. */
export const endAgreementAction = formAction({
  name: "end-agreement",
  schema: noFields,
  args: [idArg],
  revalidate: () => partnerPages("/agreements", "/check-in"),
  handler: async ({ args: [agreementId] }) => {
    await endAgreement(agreementId);
    return { redirectTo: `/agreements?ended=${agreementId}` };
  },
});

/** Takes back accepting an agreement moments ago; the page then says it is waiting for an answer again. */
export const undoAgreementAcceptanceAction = formAction({
  name: "undo-agreement-acceptance",
  schema: noFields,
  args: [idArg],
  revalidate: () => partnerPages("/agreements", "/check-in"),
  handler: async ({ args: [agreementId] }) => {
    await undoAgreementAcceptance(agreementId);
    return { redirectTo: `/agreements?undone=${agreementId}` };
  },
});
