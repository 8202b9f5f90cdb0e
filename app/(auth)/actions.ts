"use server";

import { unstable_rethrow } from "next/navigation";
import { CredentialsSignin } from "next-auth";
import { formAction, plainAction } from "@/lib/actions/action";
import { InputError } from "@/lib/actions/errors";
import { signIn, signOut } from "@/lib/auth";
import { endEverySession } from "@/lib/dal/sessions";
import { getViewer } from "@/lib/dal/viewer";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { WRONG_CREDENTIALS, signInSchema } from "@/lib/validations/auth";

/** Signs in with email and password; next-auth redirects on success, and the email stays typed on a refusal. */
export const signInAction = formAction({
  name: "sign-in",
  schema: signInSchema,
  // Nothing is saved by signing in, so the usual "nothing was saved" would read oddly here.
  unexpectedMessage: "We couldn't sign you in just now. Nothing is lost; please try again in a moment.",
  handler: async ({ input }) => {
    try {
      await signIn("credentials", { email: input.email, password: input.password, redirectTo: safeRedirectPath(input.callbackUrl, "/") });
    } catch (error) {
      // Success is next-auth's redirect, which must reach Next untouched.
      unstable_rethrow(error);
      if (!(error instanceof CredentialsSignin)) throw error;
      const minutes = /^throttled:(\d+)$/.exec(error.code)?.[1];
      if (!minutes) throw new InputError(WRONG_CREDENTIALS);
      throw new InputError(`Too many sign-in attempts. For your security, please try again in ${minutes} ${minutes === "1" ? "minute" : "minutes"}.`);
    }
  },
});

/** Signs out everywhere: every session row of the user is revoked, so copies of the old cookie stop working too. */
export const signOutAction = plainAction({
  name: "sign-out",
  handler: async () => {
    try {
      const viewer = await getViewer();
      if (viewer) await endEverySession(viewer.id);
    } catch (error) {
      unstable_rethrow(error);
      // The cookie still goes below; a database hiccup must not keep someone signed in on this device.
      console.error("[mend] could not revoke the sessions", error);
    }
    await signOut({ redirectTo: "/login" });
  },
});
