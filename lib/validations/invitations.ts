import { z } from "zod";

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
  .max(100, "Keep the name under 100 characters.");

export const inviteeSchema = z.object({ name: personName, email });

export const newCoupleSchema = z
  .object({
    name: z.string().trim().min(1, "Give the couple a name, such as their first names.").max(100, "Keep it under 100 characters."),
    startedOn: z.iso.date({ error: "Enter the start date as a real date." }),
    partners: z.tuple([inviteeSchema, inviteeSchema]),
  })
  .refine((v) => v.partners[0].email !== v.partners[1].email, {
    path: ["partners", 1, "email"],
    message: "Each partner needs their own email address.",
  });

export type NewCoupleInput = z.input<typeof newCoupleSchema>;

export const acceptInvitationSchema = z
  .object({
    token: z.string().min(20).max(200),
    password: z
      .string({ error: "Choose a password." })
      .min(10, "Use at least 10 characters.")
      .max(200, "Keep it under 200 characters."),
    confirm: z.string({ error: "Type the password again." }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords don't match." });
