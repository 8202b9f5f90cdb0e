"use server";

import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/lib/auth";
import { acceptInvitation } from "@/lib/dal/invitations";
import { acceptInvitationSchema } from "@/lib/validations/invitations";

export type AcceptState = {
  message?: string;
  fieldErrors?: { password?: string[]; confirm?: string[] };
  done?: "expired" | "used" | "invalid";
};

const ENDED: Record<"expired" | "used" | "invalid", string> = {
  expired: "This invitation link has expired. Ask your counsellor or clinic for a new one.",
  used: "This invitation link has already been used. If that was you, sign in with your email and password.",
  invalid: "This invitation link isn't valid. Check you copied all of it, or ask for a new one.",
};

export async function acceptInvitationAction(_prev: AcceptState, formData: FormData): Promise<AcceptState> {
  const parsed = acceptInvitationSchema.safeParse({
    token: formData.get("token"),
    password: formData.get("password"),
    confirm: formData.get("confirm"),
  });
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    if (fieldErrors.token) return { message: ENDED.invalid, done: "invalid" };
    return { fieldErrors: { password: fieldErrors.password, confirm: fieldErrors.confirm } };
  }
  try {
    const result = await acceptInvitation(parsed.data.token, parsed.data.password);
    if (!result.ok) return { message: ENDED[result.state], done: result.state };
    await signIn("credentials", { email: result.email, password: parsed.data.password, redirectTo: "/" });
    return {};
  } catch (error) {
    unstable_rethrow(error);
    console.error("[mend] accepting an invitation failed", error);
    return { message: "We couldn't finish setting up your account just now. Nothing was changed; please try again in a moment." };
  }
}
