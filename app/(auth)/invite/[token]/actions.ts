"use server";

import { formAction } from "@/lib/actions/action";
import { signIn } from "@/lib/auth";
import { acceptInvitation } from "@/lib/dal/invitations";
import { acceptInvitationSchema } from "@/lib/validations/invitations";

/**
 * Sets the invitee's password from their link and signs them in. A link that expired, was used or
 * never existed is refused on the `token` field, and the form then points to sign-in.
 */
export const acceptInvitationAction = formAction({
  name: "accept-invitation",
  schema: acceptInvitationSchema,
  handler: async ({ input }) => {
    const { email } = await acceptInvitation(input.token, input.password);
    await signIn("credentials", { email, password: input.password, redirectTo: "/" });
  },
});
