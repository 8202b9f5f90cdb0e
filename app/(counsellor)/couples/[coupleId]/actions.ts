"use server";

import { formAction } from "@/lib/actions/action";
import { formDataToObject } from "@/lib/actions/form-data";
import { couplePages } from "@/lib/actions/pages";
import { idArg, noFields } from "@/lib/actions/schemas";
import { cancelAssignment, completeStep, createAssignment, updateAssignment } from "@/lib/dal/assignments";
import { clearSafetyConcern, setJointWorkPause } from "@/lib/dal/couples";
import { reissueInvitation } from "@/lib/dal/invitations";
import { createNote, updateNote } from "@/lib/dal/notes";
import { getViewerToday } from "@/lib/dal/today";
import { assignmentSchema, stepDoneSchema } from "@/lib/validations/assignments";
import { noteInputSchema } from "@/lib/validations/notes";

const CHECK_FIELDS = "Please check the highlighted fields.";

/** Assigns work to the couple; bound to the couple id by the page. */
export const assignAction = formAction({
  name: "assign",
  // A due date is checked against the day the form is sent.
  schema: async () => assignmentSchema(await getViewerToday()),
  args: [idArg],
  invalidMessage: CHECK_FIELDS,
  revalidate: ({ args: [coupleId] }) => couplePages(coupleId),
  handler: async ({ input, args: [coupleId] }) => {
    const { duplicate } = await createAssignment(coupleId, input);
    return { message: duplicate ? "That assignment was already made." : "Assigned. The partners can see it now." };
  },
});

/** Changes an active assignment; bound to the couple and assignment ids by the page. */
export const updateAssignmentAction = formAction({
  name: "update-assignment",
  schema: async () => assignmentSchema(await getViewerToday()),
  args: [idArg, idArg],
  invalidMessage: CHECK_FIELDS,
  revalidate: ({ args: [coupleId] }) => couplePages(coupleId),
  handler: async ({ input, args: [, assignmentId] }) => {
    await updateAssignment(assignmentId, input);
    return { message: "Saved." };
  },
});

/** Cancels an active assignment; the row changes on the refreshed page, so only a failure is said. */
export const cancelAssignmentAction = formAction({
  name: "cancel-assignment",
  schema: noFields,
  args: [idArg, idArg],
  revalidate: ({ args: [coupleId] }) => couplePages(coupleId),
  handler: async ({ args: [, assignmentId] }) => {
    await cancelAssignment(assignmentId);
  },
});

/** Marks the couple's current step done; a stale page (the step already done) is told so and refreshed. */
export const completeStepAction = formAction({
  name: "complete-step",
  schema: stepDoneSchema,
  args: [idArg],
  revalidate: ({ args: [coupleId] }) => couplePages(coupleId),
  handler: async ({ input: { step }, args: [coupleId] }) => {
    const done = await completeStep(coupleId, step);
    return done
      ? { message: `Step ${step} is marked done.` }
      : { status: "error" as const, message: "This step was already marked done. The page now shows the current step." };
  },
});

/** Marks the couple's open safety concerns reviewed (joint work is untouched); the banner goes, so only a failure is said. */
export const clearSafetyAction = formAction({
  name: "clear-safety-concern",
  schema: noFields,
  args: [idArg],
  revalidate: ({ args: [coupleId] }) => couplePages(coupleId),
  handler: async ({ args: [coupleId] }) => {
    await clearSafetyConcern(coupleId);
  },
});

/** Pauses the couple's joint work, the counsellor's decision; bound to the couple id by the page. */
export const pauseJointWorkAction = formAction({
  name: "pause-joint-work",
  schema: noFields,
  args: [idArg],
  revalidate: ({ args: [coupleId] }) => couplePages(coupleId),
  handler: async ({ args: [coupleId] }) => {
    const changed = await setJointWorkPause(coupleId, true);
    return { message: changed ? "Joint work is paused. Both partners see the same neutral message." : "Joint work was already paused." };
  },
});

/** Resumes the couple's joint work; bound to the couple id by the page. */
export const resumeJointWorkAction = formAction({
  name: "resume-joint-work",
  schema: noFields,
  args: [idArg],
  revalidate: ({ args: [coupleId] }) => couplePages(coupleId),
  handler: async ({ args: [coupleId] }) => {
    const changed = await setJointWorkPause(coupleId, false);
    return { message: changed ? "Joint work has resumed." : "Joint work was not paused." };
  },
});

/** Writes a new note (`noteId` null) or saves a draft, as a draft or signed; bound by the page. */
export const saveNoteAction = formAction({
  name: "save-note",
  schema: noteInputSchema,
  args: [idArg, idArg.nullable()],
  invalidMessage: "Please check the note.",
  revalidate: ({ args: [coupleId] }) => [`/couples/${coupleId}`],
  handler: async ({ input, args: [coupleId, noteId] }) => {
    if (noteId) await updateNote(noteId, input);
    else await createNote(coupleId, input);
    return { message: input.intent === "sign" ? "Note signed." : "Draft saved." };
  },
});

/** Adds a signed addendum to a signed note; bound to the couple and note ids by the page. */
export const addendumAction = formAction({
  name: "add-addendum",
  schema: noteInputSchema,
  // An addendum is free text, signed when saved.
  input: (formData) => ({ ...formDataToObject(formData), format: "free", intent: "sign" }),
  args: [idArg, idArg],
  invalidMessage: "Please check the addendum.",
  revalidate: ({ args: [coupleId] }) => [`/couples/${coupleId}`],
  handler: async ({ input, args: [coupleId, noteId] }) => {
    await createNote(coupleId, input, noteId);
    return { message: "Addendum signed." };
  },
});

/** The new link, to copy when it was not emailed. */
export type ReissuedLink = { url: string };

/** Issues a new invitation link (the old one stops working); bound to the couple and invitation ids by the page. */
export const reissueInvitationAction = formAction({
  name: "reissue-invitation",
  schema: noFields,
  args: [idArg, idArg],
  revalidate: ({ args: [coupleId] }) => [`/couples/${coupleId}`],
  handler: async ({ args: [, invitationId] }) => {
    const issued = await reissueInvitation(invitationId);
    return {
      message: issued.emailed ? `A new link was emailed to ${issued.email}.` : `New link for ${issued.email}:`,
      data: { url: issued.url } satisfies ReissuedLink,
    };
  },
});
