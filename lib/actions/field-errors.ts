import type { z } from "zod";

/**
 * A zod failure as messages keyed by field path ("rows.0.plan" for list rows), first issue per
 * field first; issues with no path go under "" for the whole form. The one place zod issues
 * become form errors.
 */
export function zodFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** The first message of a zod failure, for forms that show one line. */
export function firstZodMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? "Please check what you entered.";
}
