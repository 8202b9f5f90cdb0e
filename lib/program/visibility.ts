/**
 * Who may read an answer besides the partner who wrote it and the couple's counsellor:
 * `shared` — the other partner too; `counsellor_only` — nobody else. The database's
 * `visibility` enum takes its values from here.
 */
export const VISIBILITIES = ["shared", "counsellor_only"] as const;

/** One of {@link VISIBILITIES}. */
export type Visibility = (typeof VISIBILITIES)[number];

/** Labels for a visibility picker, written from the partner's point of view. */
export const VISIBILITY_LABELS: Record<Visibility, string> = {
  shared: "My partner and my counsellor",
  counsellor_only: "Only my counsellor",
};
