/**
 * The values a daily check-in is made of. The database's `mood` and `contact` enums take their
 * values from here, so a form option and a stored value cannot drift apart.
 */

/** The five moods a partner can pick on a daily check-in, lowest first. */
export const MOODS = ["very_low", "low", "okay", "good", "very_good"] as const;
/** One of {@link MOODS}. */
export type Mood = (typeof MOODS)[number];
/** How each mood is shown to partners. */
export const MOOD_LABELS: Record<Mood, string> = {
  very_low: "Very low",
  low: "Low",
  okay: "Okay",
  good: "Good",
  very_good: "Very good",
};

/**
 * Answers to "did we have the contact we agreed today?".
 * `none_agreed` keeps days without a contact agreement out of adherence figures rather than counting them as misses.
 */
export const CONTACT_ANSWERS = ["yes", "no", "none_agreed"] as const;
/** One of {@link CONTACT_ANSWERS}. */
export type ContactAnswer = (typeof CONTACT_ANSWERS)[number];
/** How each contact answer is shown to partners. */
export const CONTACT_ANSWER_LABELS: Record<ContactAnswer, string> = {
  yes: "Yes, we did",
  no: "No, not today",
  none_agreed: "We haven't agreed any contact yet",
};

/** Longest optional note on a daily check-in; kept shorter than other textareas so the day stays light. */
export const CHECK_IN_NOTE_MAX = 2000;
