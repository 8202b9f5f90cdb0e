"use server";

import { formAction } from "@/lib/actions/action";
import { changePassword } from "@/lib/dal/account";
import { changePasswordSchema } from "@/lib/validations/auth";

/** Changes the password; every other device is signed out, and this one stays signed in. */
export const changePasswordAction = formAction({
  name: "change-password",
  schema: changePasswordSchema,
  handler: async ({ input }) => {
    await changePassword({ current: input.current, next: input.password });
    return { redirectTo: "/account?changed=1" };
  },
});
