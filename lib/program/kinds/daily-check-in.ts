import { z } from "zod";
import { CHECK_IN_NOTE_MAX, CONTACT_ANSWER_LABELS, CONTACT_ANSWERS, MOOD_LABELS, MOODS } from "../check-in";
import { defineKind } from "../define-kind";
import { blankToUndefined, choice, defineAnswer, enumSchema, labelledOptions, optionalTextarea, rating } from "../fields";
import { VISIBILITIES, VISIBILITY_LABELS } from "../visibility";

const answer = defineAnswer({
  trust: rating({
    label: "How much do I trust my partner today?",
    help: "0 is not at all, 10 is completely. An honest low number is useful, not a failure.",
    about: "trust",
  }),
  closeness: rating({
    label: "How close do I feel to my partner today?",
    help: "0 is very distant, 10 is very close.",
    about: "closeness",
  }),
  mood: choice({
    label: "My mood today",
    options: labelledOptions(MOODS, MOOD_LABELS),
    missing: "Please choose how your mood has been today.",
  }),
  contact: choice({
    label: "Did we have the contact we agreed today?",
    options: labelledOptions(CONTACT_ANSWERS, CONTACT_ANSWER_LABELS),
    missing: "Please say whether you had the contact you agreed.",
  }),
  note: optionalTextarea({ label: "Anything you want to add", help: "Optional. A line or two about today." }, CHECK_IN_NOTE_MAX),
  noteVisibility: {
    spec: {
      kind: "choice",
      label: "Who can read my note?",
      help: "Your partner and your counsellor always see your scores, mood and contact answer; this only decides who reads the note.",
      required: false,
      options: VISIBILITIES.map((v) => ({ value: v, label: VISIBILITY_LABELS[v] })),
    },
    // Matches the database default; the check-in form always shows this choice explicitly.
    schema: z.preprocess(blankToUndefined, enumSchema(VISIBILITIES, "").default("shared")),
  },
});

/**
 * The daily check-in answer. Also accepts an optional `date` (yyyy-mm-dd, a real calendar day)
 * for the day the check-in is about; it is not in the kind's `fields` because the app fills it in,
 * not the partner. Omitted `noteVisibility` becomes `"shared"`, matching the database default.
 */
export const checkInSchema = answer.schema.extend({
  date: z.iso.date({ error: "Please give a real calendar day as yyyy-mm-dd." }).optional(),
});

/** A validated daily check-in, as returned by {@link checkInSchema}. */
export type CheckInAnswer = z.output<typeof checkInSchema>;

/** Once a day: trust, closeness, mood and contact. Private to the day's routine, so it stays open while joint work is held. */
export const dailyCheckIn = defineKind({
  id: "daily_check_in",
  title: "Daily check-in",
  summary:
    "Once a day, say how much trust and closeness you feel, how your mood is, and whether you had the contact you agreed. It takes a minute.",
  counsellorNote:
    "Read the trend and the gap between partners rather than single days. Honest low scores are information. Notes marked for you only may show what a partner isn't ready to say in the room.",
  defaultVisibility: "shared",
  assignable: false,
  allowedDuringHold: true,
  answer: { fields: answer.fields, schema: checkInSchema },
});
