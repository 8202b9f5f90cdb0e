import { z } from "zod";
import { hasNoNul, NUL_REFUSED } from "@/lib/program";

const email = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

const personName = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(100, "Keep the name under 100 characters.")
  .refine(hasNoNul, { error: NUL_REFUSED });

export const inviteeSchema = z.object({ name: personName, email });

export const newCoupleSchema = z
  .object({
    name: z.string().trim().min(1, "Give the couple a name, such as their first names.").max(100, "Keep it under 100 characters.").refine(hasNoNul, { error: NUL_REFUSED }),
    startedOn: z.iso.date({ error: "Enter the start date as a real date." }),
    partners: z.tuple([inviteeSchema, inviteeSchema]),
  })
  .refine((v) => v.partners[0].email !== v.partners[1].email, {
    path: ["partners", 1, "email"],
    message: "Each partner needs their own email address.",
  });

export type NewCoupleInput = z.output<typeof newCoupleSchema>;
export type InviteeInput = z.output<typeof inviteeSchema>;

/** Why an invitation link no longer works, in words for the person who opened it. */
export const INVITATION_ENDED = {
  expired: "This invitation link has expired. Ask your counsellor or clinic for a new one.",
  used: "This invitation link has already been used. If that was you, sign in with your email and password.",
  invalid: "This invitation link isn't valid. Check you copied all of it, or ask for a new one.",
} as const;

export const acceptInvitationSchema = z
  .object({
    // A refusal on the token is the link itself being unusable: the form then offers sign-in instead.
    token: z.string({ error: INVITATION_ENDED.invalid }).min(20, INVITATION_ENDED.invalid).max(200, INVITATION_ENDED.invalid),
    password: z
      .string({ error: "Choose a password." })
      .min(10, "Use at least 10 characters.")
      .max(200, "Keep it under 200 characters."),
    confirm: z.string({ error: "Type the password again." }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords don't match." });
