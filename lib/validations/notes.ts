import { z } from "zod";
import { noteFormatEnum, type NoteFormat } from "@/db/schema/enums";
import { hasNoNul, NUL_REFUSED } from "@/lib/program";
import { urlDay, urlText } from "./url-params";

/** The sections of each note format, in the order they are written and shown. */
export const NOTE_SECTIONS: Record<NoteFormat, { key: string; label: string }[]> = {
  soap: [
    { key: "subjective", label: "Subjective" },
    { key: "objective", label: "Objective" },
    { key: "assessment", label: "Assessment" },
    { key: "plan", label: "Plan" },
  ],
  dap: [
    { key: "data", label: "Data" },
    { key: "assessment", label: "Assessment" },
    { key: "plan", label: "Plan" },
  ],
  free: [{ key: "body", label: "Note" }],
};

/** Longest text of one section. */
export const NOTE_SECTION_MAX = 10_000;

const section = z
  .string()
  .max(NOTE_SECTION_MAX, `Keep each section to ${NOTE_SECTION_MAX.toLocaleString("en-GB")} characters or fewer.`)
  .refine(hasNoNul, { error: NUL_REFUSED })
  .optional()
  .transform((v) => v?.trim() ?? "");

/**
 * A note as the form sends it: the format, its sections, and whether to keep it as a draft or
 * sign it (which locks it). Sections of other formats are dropped.
 */
export const noteInputSchema = z
  .object({
    format: z.enum(noteFormatEnum.enumValues, { error: "Choose a format." }),
    intent: z.enum(["draft", "sign"]).catch("draft"),
    subjective: section,
    objective: section,
    assessment: section,
    plan: section,
    data: section,
    body: section,
  })
  .transform((v, ctx) => {
    const sections = NOTE_SECTIONS[v.format];
    const body = Object.fromEntries(sections.map((s) => [s.key, v[s.key as keyof typeof v] as string]));
    if (Object.values(body).every((text) => text === "")) {
      ctx.addIssue({ code: "custom", path: [sections[0]!.key], message: "Write something before saving the note." });
      return z.NEVER;
    }
    return { format: v.format, intent: v.intent, body };
  });

export type NoteInput = z.output<typeof noteInputSchema>;

/** Search over a couple's notes: text anywhere in a section, and an inclusive date range. */
export const noteSearchSchema = z.object({
  q: urlText(100).catch(""),
  from: urlDay.optional().catch(undefined),
  to: urlDay.optional().catch(undefined),
});

export type NoteSearch = z.infer<typeof noteSearchSchema>;
