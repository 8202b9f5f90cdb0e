"use server";

import { z } from "zod";
import { saveCheckIn } from "@/lib/dal/check-ins";
import { checkInFormSchema, checkInFormValues } from "@/lib/validations/check-in";
import type { PartnerFormState } from "@/lib/validations/form-state";
import { failureState, revalidatePartnerPages } from "../action-helpers";

export async function saveCheckInAction(_prev: PartnerFormState, formData: FormData): Promise<PartnerFormState> {
  const values = checkInFormValues(formData);
  const parsed = checkInFormSchema.safeParse(values);
  if (!parsed.success) {
    return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values, nonce: Date.now() };
  }
  try {
    const { created } = await saveCheckIn(parsed.data);
    await revalidatePartnerPages("/check-in", "/progress");
    return {
      ok: created ? "Thank you. Today's check-in is saved." : "Thank you. Today's check-in is updated.",
      values,
      nonce: Date.now(),
    };
  } catch (error) {
    return failureState(error, values);
  }
}
