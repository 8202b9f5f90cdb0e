/** Messages keyed by form field name (dotted for nested fields and list rows: "partners.0.email", "rows.0.plan"). */
export type FieldErrors = Record<string, string[]>;

/**
 * What every server action hands back to `useActionState`, for every form in Mend.
 *
 * `D` is the typed payload of a successful result that is more than a message (the new couple's
 * invitation links, the help shown after a worrying safety screen).
 */
export type FormState<D = never> = {
  /** "idle" before the first submit; then whether the last submit was saved. */
  status: "idle" | "ok" | "error";
  /** A message for the whole form: a calm confirmation when `status` is "ok", otherwise what went wrong. */
  message?: string;
  /** Messages beside the fields they belong to. */
  fieldErrors?: FieldErrors;
  /**
   * The form's text fields as sent, so a refused form keeps everything typed (never passwords).
   * A successful save leaves it empty unless the form keeps showing what was saved.
   */
  values?: Record<string, string>;
  /**
   * Changes on every result: a form keyed on it remounts once per submit, so its fields pick up
   * `values` again (React resets uncontrolled fields after an action) or start empty after a save.
   */
  savedAt?: number;
  /** The typed payload of a successful result, when there is one. */
  data?: D;
};

/** The state a form starts in, before anything was sent. */
export const initialFormState: FormState<never> = { status: "idle" };
