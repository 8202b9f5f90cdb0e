/** What a partner form's server action hands back to `useActionState`. */
export type PartnerFormState = {
  /** A message for the whole form (an error unless `ok` is set). */
  message?: string;
  /** A calm confirmation after a successful save. */
  ok?: string;
  /** Messages keyed by field name (dotted for list rows: "rows.0.plan"). */
  fieldErrors?: Record<string, string[] | undefined>;
  /** The input as sent, so nothing typed is lost on an error. */
  values?: Record<string, unknown>;
  /** Set after a safety screen that shows risk: the page shows where to find help. */
  safetyConcern?: boolean;
  /** Changes on every submit, so the form re-mounts with the kept values. */
  nonce?: number;
};
