import { defineKind } from "../define-kind";
import { defineAnswer, list, text, textarea } from "../fields";

/** Situations that set off alarm for the other partner, each with a plan for what to do instead. */
export const triggerMap = defineKind({
  id: "trigger_map",
  title: "Trigger map",
  summary:
    "List situations that set off alarm for your partner, and what you'll do instead in each. Planning ahead makes painful moments less likely.",
  counsellorNote:
    "Usually completed by the partner who broke trust, drawing on the other's account of what worries them. Each situation needs a concrete alternative. Revisit the map as trust grows.",
  defaultVisibility: "shared",
  assignable: true,
  answer: defineAnswer({
    rows: list({
      label: "Situations and my plan for each",
      help: "Think of moments that set off alarm for your partner, and what you will do instead.",
      missing: "Please add at least one situation and your plan for it.",
      items: {
        trigger: text({
          label: "A situation that worries my partner",
          help: "For example: coming home late without replying to messages.",
          about: "the situation",
        }),
        plan: textarea({
          label: "What I will do instead",
          help: "For example: send a message before 6 if I'll be late, and say when I'll be home.",
          about: "your plan for this situation",
        }),
      },
    }),
  }),
});
