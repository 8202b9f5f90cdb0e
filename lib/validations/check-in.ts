import { checkInSchema } from "@/lib/program";

/** The daily check-in form: the program's check-in answer plus the day it is for (filled in by the page). */
export const checkInFormSchema = checkInSchema;

export const CHECK_IN_FORM_FIELDS = ["trust", "closeness", "mood", "contact", "note", "noteVisibility", "date"] as const;
export type CheckInFormField = (typeof CHECK_IN_FORM_FIELDS)[number];

/** Reads the check-in form's fields as plain strings, so they can be both validated and handed back on error. */
export function checkInFormValues(formData: FormData): Record<CheckInFormField, string> {
  const out = {} as Record<CheckInFormField, string>;
  for (const name of CHECK_IN_FORM_FIELDS) {
    const value = formData.get(name);
    out[name] = typeof value === "string" ? value : "";
  }
  return out;
}
