"use server";

import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/lib/auth";
import { changePassword } from "@/lib/dal/account";
import { changePasswordSchema } from "@/lib/validations/auth";

export type ChangePasswordState = {
  message?: string;
  fieldErrors?: { current?: string[]; password?: string[]; confirm?: string[] };
};

export async function changePasswordAction(_prev: ChangePasswordState, formData: FormData): Promise<ChangePasswordState> {
  const parsed = changePasswordSchema.safeParse({
    current: formData.get("current"),
    password: formData.get("password"),
    confirm: formData.get("confirm"),
  });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    const result = await changePassword({ current: parsed.data.current, next: parsed.data.password });
    if (!result.ok) return { fieldErrors: { current: [result.message] } };
    // Every old session just ended, this one included: sign this device straight back in.
    await signIn("credentials", { email: result.email, password: parsed.data.password, redirectTo: "/account?changed=1" });
    return {};
  } catch (error) {
    unstable_rethrow(error);
    console.error("[mend] password change failed", error);
    return { message: "We couldn't change your password just now. Nothing was changed; please try again in a moment." };
  }
}
