"use server";

import { formAction } from "@/lib/actions/action";
import { signIn } from "@/lib/auth";
import { changePassword } from "@/lib/dal/account";
import { changePasswordSchema } from "@/lib/validations/auth";

/** Changes the password; every session ends, and this device is signed straight back in. */
export const changePasswordAction = formAction({
  name: "change-password",
  schema: changePasswordSchema,
  handler: async ({ input }) => {
    const { email } = await changePassword({ current: input.current, next: input.password });
    // Every old session just ended, this one included: sign this device straight back in.
    await signIn("credentials", { email, password: input.password, redirectTo: "/account?changed=1" });
  },
});
