import { defineKind } from "../define-kind";
import { dateTime, defineAnswer, optionalTextarea, text } from "../fields";

/** A small promise with a due time that the other partner marks kept or broken; it has its own screen. */
export const promise = defineKind({
  id: "promise",
  title: "Promises",
  summary: "Make a small, clear promise with a time it will be done by. Your partner then marks whether it was kept.",
  counsellorNote:
    "Coach towards small, specific promises with a clear time; vague ones can't be confirmed. Review broken promises without blame, asking what got in the way. The weekly keep rate says more than any one promise.",
  defaultVisibility: "shared",
  assignable: false,
  answer: defineAnswer({
    text: text({
      label: "What I promise",
      help: "Something small and specific you know you can do, for example: “I'll be home by 6 on Thursday”.",
      about: "what you are promising",
    }),
    dueAt: dateTime({
      label: "When it will be done by",
      help: "A date and time, so your partner can tell whether it was kept.",
      missing: "Please choose when this promise will be done by.",
    }),
    details: optionalTextarea({ label: "Any details", help: "Optional." }),
  }),
});
