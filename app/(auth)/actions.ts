"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { endAllSessions } from "@/lib/dal/auth";
import { getViewer } from "@/lib/dal/viewer";
import { WRONG_CREDENTIALS, signInSchema } from "@/lib/validations/auth";

export type SignInState = {
  message?: string;
  fieldErrors?: { email?: string[]; password?: string[] };
  values?: { email: string };
};


/** Only same-site paths: an open redirect after sign-in would be a phishing aid. */
function safeCallback(url: string | undefined): string {
  if (!url || !url.startsWith("/") || url.startsWith("//") || url.startsWith("/\\")) return "/";
  return url;
}

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const raw = {
    email: formData.get("email") ?? "",
    password: formData.get("password") ?? "",
    callbackUrl: formData.get("callbackUrl") || undefined,
  };
  const values = { email: typeof raw.email === "string" ? raw.email.slice(0, 254) : "" };
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    return { fieldErrors: { email: fieldErrors.email, password: fieldErrors.password }, values };
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallback(parsed.data.callbackUrl),
    });
    return {};
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof CredentialsSignin) {
      const minutes = /^throttled:(\d+)$/.exec(error.code)?.[1];
      if (minutes) {
        const unit = minutes === "1" ? "minute" : "minutes";
        return { message: `Too many sign-in attempts. For your security, please try again in ${minutes} ${unit}.`, values };
      }
      return { message: WRONG_CREDENTIALS, values };
    }
    if (!(error instanceof AuthError)) console.error("[mend] sign-in failed", error);
    return { message: "We couldn't sign you in just now. Nothing is lost; please try again in a moment.", values };
  }
}

/** Signs out everywhere: the session version moves on, so copies of the old cookie stop working too. */
export async function signOutAction(): Promise<void> {
  try {
    const viewer = await getViewer();
    if (viewer) await endAllSessions(viewer.id);
  } catch (error) {
    unstable_rethrow(error);
    // The cookie still goes below; a database hiccup must not keep someone signed in on this device.
    console.error("[mend] could not bump the session version", error);
  }
  await signOut({ redirectTo: "/login" });
}
