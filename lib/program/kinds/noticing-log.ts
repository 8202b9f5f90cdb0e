import { defineKind } from "../define-kind";
import { defineAnswer, optionalChoice, textarea } from "../fields";

/** A moment a partner noticed what the other needed, and what they did about it. */
export const noticingLog = defineKind({
  id: "noticing_log",
  title: "Noticing log",
  summary:
    "Jot down a moment when you noticed what your partner needed, what you did, and how it went. Small moments count.",
  counsellorNote:
    "Builds the habit of attending to the other partner. Look for entries that anticipate rather than react, and ask the other partner whether they felt noticed.",
  defaultVisibility: "shared",
  assignable: true,
  answer: defineAnswer({
    noticed: textarea({
      label: "What I noticed my partner needed",
      help: "For example: they seemed tired, quiet, or worried.",
      about: "what you noticed",
    }),
    whatIDid: textarea({
      label: "What I did",
      about: "what you did",
    }),
    howItWent: optionalChoice({
      label: "How it went",
      help: "Optional.",
      options: [
        { value: "well", label: "Well" },
        { value: "mixed", label: "Mixed" },
        { value: "not_well", label: "Not so well" },
      ],
    }),
  }),
});
