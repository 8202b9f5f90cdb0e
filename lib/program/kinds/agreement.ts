import { z } from "zod";
import { defineKind } from "../define-kind";
import { defineAnswer, numeralToNumber, text, textarea, wholeNumber } from "../fields";

/** A practical change one partner proposes and the other accepts; it has its own screen, not an assignment. */
export const agreement = defineKind({
  id: "agreement",
  title: "Our agreements",
  summary:
    "Agree on practical changes, such as how often you'll be in touch. One of you suggests an agreement and the other accepts it before it starts.",
  counsellorNote:
    "Help the couple turn broad wishes into specific, checkable agreements. An accepted agreement with a contact frequency sets how many check-ins a week adherence is measured against.",
  defaultVisibility: "shared",
  assignable: false,
  answer: defineAnswer({
    title: text({
      label: "What we agree to",
      help: "A short, clear line, for example: “A phone call every evening at 7”.",
      about: "what you are agreeing to",
    }),
    details: textarea({
      label: "The details",
      help: "Who does what, when, and what happens if it can't be done one day.",
      about: "the details of this agreement",
    }),
    checkInsPerWeek: {
      spec: {
        kind: "choice",
        label: "How often should we be in touch?",
        help: "Optional. Leave this empty if the agreement isn't about regular contact.",
        required: false,
        options: [
          { value: "7", label: "Every day" },
          { value: "5", label: "Five days a week (for example, weekdays)" },
          { value: "6", label: "Six days a week" },
          { value: "4", label: "Four days a week" },
          { value: "3", label: "Three days a week" },
          { value: "2", label: "Twice a week" },
          { value: "1", label: "Once a week" },
        ],
        min: 1,
        max: 7,
      },
      // Stored as a number of days a week so adherence can compare it with check-ins directly.
      schema: z.preprocess(numeralToNumber, wholeNumber(1, 7, "").optional()),
    },
  }),
});
