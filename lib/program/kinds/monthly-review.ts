import { defineKind } from "../define-kind";
import { defineAnswer, rating, textarea } from "../fields";

/** Once a month: trust now, what got better, what still hurts, and next month's focus. */
export const monthlyReview = defineKind({
  id: "monthly_review",
  title: "Monthly review",
  summary:
    "Once a month, look back at how far you've come, what still hurts, and what you'll keep working on. Progress is measured against where you started.",
  counsellorNote:
    "Compare with the couple's own baseline, not with other couples. Normalise lingering doubt; a setback is not a reset. End by agreeing next month's focus.",
  defaultVisibility: "shared",
  assignable: true,
  answer: defineAnswer({
    trustNow: rating({
      label: "How much do I trust my partner now, overall?",
      help: "0 is not at all, 10 is completely. Compare with how you felt at the start, not with other people.",
      about: "trust now",
    }),
    improved: textarea({
      label: "What has got better this month",
      help: "Small things count.",
      about: "what has got better",
    }),
    stillHurts: textarea({
      label: "What still hurts",
      help: "It's normal for some hurt to remain. If nothing comes to mind, you can say so.",
      about: "what still hurts",
    }),
    nextMonth: textarea({
      label: "What we'll keep working on next month",
      about: "what you'll keep working on",
    }),
  }),
});
