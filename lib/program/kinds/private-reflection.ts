import { defineKind } from "../define-kind";
import { defineAnswer, optionalTextarea, textarea } from "../fields";

/** A reflection on opening up and closeness: counsellor-only unless the writer shares it, and private work, so open during a hold. */
export const privateReflection = defineKind({
  id: "private_reflection",
  title: "Private reflection",
  summary:
    "A quiet space to think about opening up, closeness and your hopes. Only your counsellor sees it, unless you choose to share it with your partner.",
  counsellorNote:
    "Counsellor-only by default. Treat physical closeness as one part of intimacy, never an obligation; let each partner set their pace. Raise themes in session only with the writer's consent.",
  defaultVisibility: "counsellor_only",
  allowedDuringHold: true,
  assignable: true,
  answer: defineAnswer({
    openingUp: textarea({
      label: "What makes it easier, or harder, for me to let my guard down with my partner?",
      about: "letting your guard down",
    }),
    closeness: optionalTextarea({
      label: "How I feel about closeness between us, emotional and physical, at the moment",
      help: "Optional. Go at your own pace; nothing here is expected of you.",
    }),
    hopes: optionalTextarea({
      label: "What I hope for, for us and for myself",
      help: "Optional.",
    }),
  }),
});
