import { z } from "zod";

/** The one answer for an unknown email and for a wrong password, so neither reveals which it was. */
export const WRONG_CREDENTIALS = "That email and password don't match an account. Check them and try again.";

export const signInSchema = z.object({
  email: z
    .string({ error: "Enter your email address." })
    .trim()
    .min(1, "Enter your email address.")
    .max(254, "That email address is too long.")
    .pipe(z.email({ error: "Enter a valid email address, like name@example.com." })),
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(200, "That password is too long."),
  // Where to go after signing in. Anything unusable (too long, not text) is dropped rather than
  // refused, so a mangled link never stops someone signing in; safeRedirectPath judges the rest.
  callbackUrl: z.string().max(2000).optional().catch(undefined),
});

export type SignInInput = z.infer<typeof signInSchema>;

export const changePasswordSchema = z
  .object({
    current: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(200),
    password: z
      .string({ error: "Choose a new password." })
      .min(10, "Use at least 10 characters.")
      .max(200, "Keep it under 200 characters."),
    confirm: z.string({ error: "Type the new password again." }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords don't match." })
  .refine((v) => v.password !== v.current, { path: ["password"], message: "Choose a password different from the current one." });
