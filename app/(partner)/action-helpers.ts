import "server-only";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { getMyCoupleId } from "@/lib/dal/couples";
import { PartnerInputError } from "@/lib/dal/partner-scope";
import type { PartnerFormState } from "@/lib/validations/form-state";

export const SAVE_FAILED = "We couldn't save that just now. Nothing was changed; please try again in a moment.";

/** Turns a DAL refusal into a message beside its field (or for the form), and anything else into a calm retry message. */
export function failureState(error: unknown, values: Record<string, unknown>): PartnerFormState {
  unstable_rethrow(error);
  if (error instanceof PartnerInputError) {
    return error.field
      ? { fieldErrors: { [error.field]: [error.message] }, values, nonce: Date.now() }
      : { message: error.message, values, nonce: Date.now() };
  }
  console.error("[mend] partner save failed", error);
  return { message: SAVE_FAILED, values, nonce: Date.now() };
}

/** Refreshes the partner pages a write shows on, and the counsellor's page for the couple. */
export async function revalidatePartnerPages(...paths: string[]): Promise<void> {
  for (const path of new Set(["/today", ...paths])) revalidatePath(path);
  const coupleId = await getMyCoupleId();
  if (coupleId) revalidatePath(`/couples/${coupleId}`);
}
