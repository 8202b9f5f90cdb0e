import { z } from "zod";
import { formatDay } from "@/lib/format";
import { addIsoDays } from "@/lib/metrics/dates";
import { EXERCISE_KINDS, hasNoNul, NUL_REFUSED, TEXTAREA_MAX, TEXT_MAX } from "@/lib/program";

/** The agreement form: the program's agreement answer (title, details, optional days a week), with details optional here. */
export const agreementInputSchema = z.object({
  title: z
    .string({ error: "Please write what you are agreeing to." })
    .trim()
    .min(1, { error: "Please write what you are agreeing to." })
    .max(TEXT_MAX, { error: `Please keep this to ${TEXT_MAX} characters or fewer.` })
    .refine(hasNoNul, { error: NUL_REFUSED }),
  details: z
    .string()
    .trim()
    .max(TEXTAREA_MAX, { error: `Please keep this to ${TEXTAREA_MAX.toLocaleString("en-GB")} characters or fewer.` })
    .refine(hasNoNul, { error: NUL_REFUSED })
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

/** How the counsellor and the partners read the expectation before any contact agreement. */
export const DEFAULT_CONTACT_LABEL = "Default: daily check-in — no contact agreement yet";

/** "Every day", "Three days a week": a frequency as the agreement form offers it. */
export function frequencyLabel(perWeek: number): string {
  return AGREEMENT_FREQUENCY_OPTIONS.find((o) => o.value === String(perWeek))?.label ?? `${perWeek} days a week`;
}

/**
 * Where an agreement stands on `today`: suggested, not agreed, current, or no longer in force —
 * "replaced" when a newer contact agreement took over, "ended" when a partner ended it. An
 * accepted agreement is in force from `effectiveFrom` up to, not including, `effectiveUntil`.
 */
export type AgreementPhase = "proposed" | "declined" | "current" | "ended" | "replaced";

export function agreementPhase(
  a: { status: string; effectiveUntil: string | null; replacedByTitle: string | null },
  today: string,
): AgreementPhase {
  if (a.status === "proposed") return "proposed";
  if (a.status !== "accepted") return "declined";
  if (a.effectiveUntil === null || a.effectiveUntil > today) return "current";
  return a.replacedByTitle !== null ? "replaced" : "ended";
}

/**
 * The days an accepted agreement was or is in force, in words: "In force since 3 Mar 2025",
 * "In force 3 Mar 2025 – 9 Mar 2025, then replaced by “Daily call”", "Ended on 12 Mar 2025".
 * `effectiveUntil` is exclusive, so the last day in force is the day before it.
 */
export function agreementDates(
  a: { phase: AgreementPhase; effectiveFrom: string | null; effectiveUntil: string | null; replacedByTitle: string | null },
): string | null {
  if (a.phase === "proposed" || a.phase === "declined" || a.effectiveFrom === null) return null;
  if (a.phase === "current") return `In force since ${formatDay(a.effectiveFrom)}`;
  const until = a.effectiveUntil ?? a.effectiveFrom;
  const span = until > a.effectiveFrom ? `In force ${formatDay(a.effectiveFrom)} – ${formatDay(addIsoDays(until, -1))}` : `Never in force (from ${formatDay(a.effectiveFrom)})`;
  return a.phase === "replaced" ? `${span}, then replaced by “${a.replacedByTitle}” from ${formatDay(until)}` : `${span}; ended from ${formatDay(until)}`;
}
