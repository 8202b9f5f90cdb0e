"use server";

import { z } from "zod";
import { confirmPromise, makePromise, requestPromiseRelease } from "@/lib/dal/promises";
import type { PartnerFormState } from "@/lib/validations/form-state";
import { promiseInputSchema } from "@/lib/validations/promises";
import { failureState, revalidatePartnerPages } from "../action-helpers";

function field(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

export async function makePromiseAction(_prev: PartnerFormState, formData: FormData): Promise<PartnerFormState> {
  const values = { text: field(formData, "text"), dueAt: field(formData, "dueAt"), details: field(formData, "details") };
  const parsed = promiseInputSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values, nonce: Date.now() };
  try {
    await makePromise(values);
    await revalidatePartnerPages("/promises", "/progress");
    return { ok: "Your promise is made. Your partner will mark it once it's due.", nonce: Date.now() };
  } catch (error) {
    return failureState(error, values);
  }
}

export async function confirmPromiseAction(promiseId: string, _prev: PartnerFormState, formData: FormData): Promise<PartnerFormState> {
  try {
    await confirmPromise(promiseId, formData.get("choice"));
    await revalidatePartnerPages("/promises", "/progress");
    return { ok: "Thank you. It's recorded." };
  } catch (error) {
    return failureState(error, {});
  }
}

export async function releasePromiseAction(promiseId: string): Promise<PartnerFormState> {
  try {
    const result = await requestPromiseRelease(promiseId);
    await revalidatePartnerPages("/promises", "/progress");
    return { ok: result === "released" ? "You've both agreed to let this promise go." : "Asked. It's let go once your partner agrees too." };
  } catch (error) {
    return failureState(error, {});
  }
}
