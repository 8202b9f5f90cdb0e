import { defineKind } from "../define-kind";
import { defineAnswer, textarea } from "../fields";

/** Each partner's account of what happened, its impact, and what they still need to understand. */
export const disclosureWorksheet = defineKind({
  id: "disclosure_worksheet",
  title: "Talking it through",
  summary:
    "Each of you writes down what happened, how it has affected you, and what you still need to understand. It helps you both come to the conversation ready.",
  counsellorNote:
    "Ask both partners to complete this before the session so each account is on the table. Use the 'need to understand' answers to set the agenda, and pace the conversation so it is thorough without turning into an interrogation.",
  defaultVisibility: "shared",
  assignable: true,
  answer: defineAnswer({
    whatHappened: textarea({
      label: "What happened, as I see it",
      help: "Write it in your own words. There is no right length, and you can come back to it.",
      about: "what happened",
    }),
    howItAffectedMe: textarea({
      label: "How it has affected me",
      help: "For example, how you have been feeling, sleeping, or coping day to day.",
      about: "how this has affected you",
    }),
    whatINeedToUnderstand: textarea({
      label: "What I need to understand, or need you to understand",
      help: "The questions you still carry, or what you most want your partner to grasp.",
      about: "what you need to understand",
    }),
  }),
});
