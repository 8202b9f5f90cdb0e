import { z } from "zod";

/** A code from the authenticator app (6 digits) or a recovery code (16 letters and digits). */
export const secondFactorCodeSchema = z.object({
  code: z
    .string({ error: "Enter the code from your app." })
    .trim()
    .min(1, "Enter the code from your app.")
    .max(40, "That code is too long."),
});

/** The clinic's two-factor requirement toggle: a checkbox, absent when unticked. */
export const clinicTwoFactorSchema = z.object({ required: z.literal("on").optional() });

/** The counsellor whose second factor an admin resets. */
export const resetSecondFactorSchema = z.object({ counsellorId: z.string().max(100) });
