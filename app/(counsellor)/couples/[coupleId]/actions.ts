"use server";

import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { cancelAssignment, completeStep, createAssignment, updateAssignment } from "@/lib/dal/assignments";
import { clearSafetyConcern } from "@/lib/dal/couples";
import { InvitationError, reissueInvitation } from "@/lib/dal/invitations";
import { createNote, updateNote } from "@/lib/dal/notes";
import { formValues, type FormState } from "./form-state";

const TROUBLE = "Something went wrong on our side and nothing was saved. Please try again in a moment.";

function refresh(coupleId: string) {
  revalidatePath(`/couples/${coupleId}`);
  revalidatePath("/caseload");
  // Partners see new and changed work on their next view without reloading.
  revalidatePath("/today");
  revalidatePath("/exercises", "layout");
}

function fail(error: unknown, values?: Record<string, string>): FormState {
  unstable_rethrow(error);
  console.error("[mend] counsellor action failed:", error instanceof Error ? error.message : error);
  return { message: TROUBLE, values };
}

export async function assignAction(coupleId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const result = await createAssignment(coupleId, values);
    if (!result.ok) return { fieldErrors: result.fieldErrors, message: result.message ?? "Please check the highlighted fields.", values };
    refresh(coupleId);
    return { ok: true, message: result.duplicate ? "That assignment was already made." : "Assigned. The partners can see it now.", savedAt: Date.now() };
  } catch (error) {
    return fail(error, values);
  }
}

export async function updateAssignmentAction(coupleId: string, assignmentId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const result = await updateAssignment(assignmentId, values);
    if (!result.ok) return { fieldErrors: result.fieldErrors, message: result.message ?? "Please check the highlighted fields.", values };
    refresh(coupleId);
    return { ok: true, message: "Saved.", savedAt: Date.now() };
  } catch (error) {
    return fail(error, values);
  }
}

export async function cancelAssignmentAction(coupleId: string, assignmentId: string): Promise<void> {
  await cancelAssignment(assignmentId);
  refresh(coupleId);
}

export async function completeStepAction(coupleId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const step = Number(formData.get("step"));
    const done = await completeStep(coupleId, step);
    refresh(coupleId);
    return done
      ? { ok: true, message: `Step ${step} is marked done.`, savedAt: Date.now() }
      : { message: "This step was already marked done. The page now shows the current step." };
  } catch (error) {
    return fail(error);
  }
}

export async function clearSafetyAction(coupleId: string): Promise<void> {
  await clearSafetyConcern(coupleId);
  refresh(coupleId);
}

export async function saveNoteAction(coupleId: string, noteId: string | null, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const result = noteId ? await updateNote(noteId, values) : await createNote(coupleId, values);
    if (!result.ok) return { fieldErrors: result.fieldErrors, message: result.message ?? "Please check the note.", values };
    revalidatePath(`/couples/${coupleId}`);
    return { ok: true, message: values.intent === "sign" ? "Note signed." : "Draft saved.", savedAt: Date.now() };
  } catch (error) {
    return fail(error, values);
  }
}

export async function addendumAction(coupleId: string, noteId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = { ...formValues(formData), format: "free", intent: "sign" };
  try {
    const result = await createNote(coupleId, values, noteId);
    if (!result.ok) return { fieldErrors: result.fieldErrors, message: result.message ?? "Please check the addendum.", values };
    revalidatePath(`/couples/${coupleId}`);
    return { ok: true, message: "Addendum signed.", savedAt: Date.now() };
  } catch (error) {
    return fail(error, values);
  }
}

export async function reissueInvitationAction(coupleId: string, invitationId: string): Promise<FormState> {
  try {
    const issued = await reissueInvitation(invitationId);
    revalidatePath(`/couples/${coupleId}`);
    return {
      ok: true,
      message: issued.emailed ? `A new link was emailed to ${issued.email}.` : `New link for ${issued.email}:`,
      values: { url: issued.url },
      savedAt: Date.now(),
    };
  } catch (error) {
    if (error instanceof InvitationError) return { message: error.message };
    return fail(error);
  }
}
