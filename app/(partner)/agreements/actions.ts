"use server";

import { z } from "zod";
import { proposeAgreement, respondToAgreement } from "@/lib/dal/agreements";
import { agreementInputSchema } from "@/lib/validations/agreements";
import type { PartnerFormState } from "@/lib/validations/form-state";
import { failureState, revalidatePartnerPages } from "../action-helpers";

function field(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

export async function proposeAgreementAction(_prev: PartnerFormState, formData: FormData): Promise<PartnerFormState> {
  const values = { title: field(formData, "title"), details: field(formData, "details"), checkInsPerWeek: field(formData, "checkInsPerWeek") };
  const parsed = agreementInputSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values, nonce: Date.now() };
  try {
    await proposeAgreement(parsed.data);
    await revalidatePartnerPages("/agreements");
    // A fresh, empty form for the next one; the new agreement shows in the list.
    return { ok: "Your suggestion is sent. Your partner can now accept or decline it.", nonce: Date.now() };
  } catch (error) {
    return failureState(error, values);
  }
}

export async function respondToAgreementAction(agreementId: string, _prev: PartnerFormState, formData: FormData): Promise<PartnerFormState> {
  const choice = formData.get("choice") === "accept" ? "accept" : "decline";
  try {
    await respondToAgreement(agreementId, choice);
    await revalidatePartnerPages("/agreements");
    return { ok: choice === "accept" ? "Accepted. This agreement now starts." : "Declined. You could talk about it in your next session." };
  } catch (error) {
    return failureState(error, {});
  }
}
