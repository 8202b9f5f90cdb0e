"use server";

import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import { reassignCouple } from "@/lib/dal/clinic-couples";
import { deactivateCounsellor } from "@/lib/dal/clinic-staff";
import { createCounsellorInvitation } from "@/lib/dal/invitations";
import { readReassignments } from "@/lib/validations/clinic";

export type ClinicFormState = {
  message?: string;
  ok?: boolean;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
};

const TROUBLE = "Something went wrong on our side and nothing was changed. Please try again in a moment.";

function text(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
}

/** Hands one couple to another counsellor of the clinic. */
export async function reassignCoupleAction(_prev: ClinicFormState, form: FormData): Promise<ClinicFormState> {
  const values = { coupleId: text(form, "coupleId"), counsellorId: text(form, "counsellorId") };
  try {
    const result = await reassignCouple(values);
    if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values };
  } catch (error) {
    unstable_rethrow(error);
    return { message: TROUBLE, values };
  }
  revalidatePath("/clinic", "layout");
  return { ok: true, message: "Reassigned. The new counsellor can see this couple now." };
}

/** Deactivates a counsellor, handing over each of their couples in the same step. */
export async function deactivateCounsellorAction(_prev: ClinicFormState, form: FormData): Promise<ClinicFormState> {
  const counsellorId = text(form, "counsellorId");
  const reassignments = readReassignments(form);
  const values = Object.fromEntries(Object.entries(reassignments).map(([k, v]) => [`couple:${k}`, v]));
  try {
    const result = await deactivateCounsellor({ counsellorId, reassignments });
    if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values };
  } catch (error) {
    unstable_rethrow(error);
    return { message: TROUBLE, values };
  }
  revalidatePath("/clinic", "layout");
  redirect("/clinic/counsellors?deactivated=1");
}

export type InviteState = ClinicFormState & { url?: string; emailed?: boolean; expiresAt?: string };

/** Invites a counsellor: creates their account and a one-time link to set a password. */
export async function inviteCounsellorAction(_prev: InviteState, form: FormData): Promise<InviteState> {
  const values = { name: text(form, "name"), email: text(form, "email") };
  try {
    const result = await createCounsellorInvitation(values);
    if (!result.ok) return { fieldErrors: result.fieldErrors, values };
    revalidatePath("/clinic", "layout");
    return {
      ok: true,
      message: result.emailed
        ? `Invitation sent to ${values.email}. You can also share this link with them.`
        : `Invitation ready. Send this link to ${values.email.trim()}; it works once.`,
      url: result.url,
      emailed: result.emailed,
      expiresAt: result.expiresAt.toISOString(),
    };
  } catch (error) {
    unstable_rethrow(error);
    return { message: TROUBLE, values };
  }
}
