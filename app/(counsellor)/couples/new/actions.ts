"use server";

import { formAction } from "@/lib/actions/action";
import { createCoupleWithInvitations } from "@/lib/dal/invitations";
import { isoDay } from "@/lib/format";
import { newCoupleSchema } from "@/lib/validations/invitations";

/** The new couple and each partner's link to pass on. */
export type NewCoupleCreated = {
  coupleId: string;
  invitations: { name: string; email: string; url: string; emailed: boolean; expiresOn: string }[];
};

/** Creates the couple on the caseload with both partners' accounts and invitation links. */
export const createCoupleAction = formAction({
  name: "create-couple",
  schema: newCoupleSchema,
  invalidMessage: "Please check the highlighted fields.",
  revalidate: ["/caseload"],
  handler: async ({ input }) => {
    const result = await createCoupleWithInvitations(input);
    const created: NewCoupleCreated = {
      coupleId: result.coupleId,
      invitations: result.invitations.map((i) => ({ name: i.name, email: i.email, url: i.url, emailed: i.emailed, expiresOn: isoDay(i.expiresAt) })),
    };
    return { data: created };
  },
});
