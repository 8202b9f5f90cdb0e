"use server";

import { formAction } from "@/lib/actions/action";
import { reassignCouple } from "@/lib/dal/clinic-couples";
import { deactivateCounsellor } from "@/lib/dal/clinic-staff";
import { createCounsellorInvitation } from "@/lib/dal/invitations";
import { deactivateCounsellorSchema, reassignCoupleSchema, readReassignments } from "@/lib/validations/clinic";
import { inviteeSchema } from "@/lib/validations/invitations";

// Every clinic page shows who carries which couple.
const CLINIC_PAGES = [{ path: "/clinic", type: "layout" as const }];

/** Hands one couple to another counsellor of the clinic. */
export const reassignCoupleAction = formAction({
  name: "reassign-couple",
  schema: reassignCoupleSchema,
  revalidate: CLINIC_PAGES,
  handler: async ({ input }) => {
    await reassignCouple(input);
    return { message: "Reassigned. The new counsellor can see this couple now." };
  },
});

/** Deactivates a counsellor, handing over each of their couples in the same step, then goes back to the list. */
export const deactivateCounsellorAction = formAction({
  name: "deactivate-counsellor",
  schema: deactivateCounsellorSchema,
  // One "couple:<id>" choice per couple the counsellor carries.
  input: (formData) => ({ counsellorId: formData.get("counsellorId") ?? "", reassignments: readReassignments(formData) }),
  revalidate: CLINIC_PAGES,
  handler: async ({ input }) => {
    await deactivateCounsellor(input);
    return { redirectTo: "/clinic/counsellors?deactivated=1" };
  },
});

/** The one-time link to pass on, and when it stops working. */
export type CounsellorInvited = { url: string; emailed: boolean; expiresAt: string };

/** Invites a counsellor: creates their account and a one-time link to set a password. */
export const inviteCounsellorAction = formAction({
  name: "invite-counsellor",
  schema: inviteeSchema,
  revalidate: CLINIC_PAGES,
  handler: async ({ input }) => {
    const result = await createCounsellorInvitation(input);
    return {
      message: result.emailed
        ? `Invitation sent to ${input.email}. You can also share this link with them.`
        : `Invitation ready. Send this link to ${input.email}; it works once.`,
      data: { url: result.url, emailed: result.emailed, expiresAt: result.expiresAt.toISOString() } satisfies CounsellorInvited,
    };
  },
});
