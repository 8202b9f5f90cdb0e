import { defineKind } from "../define-kind";
import { choice, defineAnswer, optionalTextarea, textarea } from "../fields";

/** Whether each partner wants to try to rebuild, and what they would change. */
export const rebuildDecision = defineKind({
  id: "rebuild_decision",
  title: "Deciding whether to rebuild",
  summary:
    "Take some quiet time to think about whether you want to try to rebuild, and what you would be willing to change. There is no wrong answer.",
  counsellorNote:
    "Private to you by default so a 'no' or 'unsure' can be explored in session rather than discovered in the app. Treat 'unsure' as a real answer to work with; rebuilding needs both partners' commitment.",
  defaultVisibility: "counsellor_only",
  assignable: true,
  answer: defineAnswer({
    decision: choice({
      label: "Do you want to try to rebuild trust together?",
      help: "Any answer is all right. Your counsellor can help you talk it through whichever you choose.",
      options: [
        { value: "yes", label: "Yes, I want us to try" },
        { value: "unsure", label: "I'm not sure yet" },
        { value: "no", label: "No, I don't think I can" },
      ],
      missing: "Please choose the answer that is closest to how you feel right now.",
    }),
    willingToChange: textarea({
      label: "What I am willing to change",
      help: "If you are unsure or not ready, you could write about what would need to be different first.",
      about: "what you are willing to change",
    }),
    needFromPartner: optionalTextarea({
      label: "What I need from my partner",
      help: "Optional.",
    }),
  }),
});
