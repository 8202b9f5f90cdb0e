/** What a counsellor form's action answers, for useActionState. */
export type FormState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** What the person typed, so a refused form keeps it. */
  values?: Record<string, string>;
  /** Changes on every success, so a form can reset itself once. */
  savedAt?: number;
};

export const initialFormState: FormState = {};

/** The form's text fields as plain strings (files and repeated names are not used here). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}
