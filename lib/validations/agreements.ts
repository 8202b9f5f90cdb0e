import { z } from "zod";
import { EXERCISE_KINDS, TEXTAREA_MAX, TEXT_MAX } from "@/lib/program";

/** The agreement form: the program's agreement answer (title, details, optional days a week), with details optional here. */
export const agreementInputSchema = z.object({
  title: z
    .string({ error: "Please write what you are agreeing to." })
    .trim()
    .min(1, { error: "Please write what you are agreeing to." })
    .max(TEXT_MAX, { error: `Please keep this to ${TEXT_MAX} characters or fewer.` }),
  details: z
    .string()
    .trim()
    .max(TEXTAREA_MAX, { error: `Please keep this to ${TEXTAREA_MAX.toLocaleString("en-GB")} characters or fewer.` })
    .optional(),
  checkInsPerWeek: z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? undefined : typeof v === "string" ? Number(v) : v),
    z
      .number({ error: "Please choose how often, from once to seven days a week." })
      .int({ error: "Please choose how often, from once to seven days a week." })
      .min(1, { error: "Please choose how often, from once to seven days a week." })
      .max(7, { error: "Please choose how often, from once to seven days a week." })
      .optional(),
  ),
});

export type AgreementInput = z.infer<typeof agreementInputSchema>;

/** The accept / decline buttons under a suggested agreement. */
export const agreementResponseSchema = z.object({
  choice: z.enum(["accept", "decline"], { error: "Please choose to accept or decline." }),
});

/** The frequency choices, as the program describes them. */
export const AGREEMENT_FREQUENCY_OPTIONS =
  EXERCISE_KINDS.agreement.fields.find((f) => f.name === "checkInsPerWeek")?.options ?? [];
