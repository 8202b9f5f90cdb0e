import { measureDefinitionSchema, type MeasureDefinition, type MeasureDefinitionInput } from "./definition";

/**
 * The two short measures Mend ships, written by us. They are not validated instruments: they
 * claim no clinical cut-off and no reliable-change threshold, and the product says so wherever
 * their scores appear. Each takes well under a minute on a phone.
 */

const AGREE = [
  { value: 0, label: "Not at all" },
  { value: 1, label: "A little" },
  { value: 2, label: "Somewhat" },
  { value: 3, label: "Mostly" },
  { value: 4, label: "Completely" },
];

const OFTEN = [
  { value: 0, label: "Never" },
  { value: 1, label: "Once or twice" },
  { value: 2, label: "Sometimes" },
  { value: 3, label: "Often" },
  { value: 4, label: "Most days" },
];

const trustCheck: MeasureDefinitionInput = {
  key: "mend-trust-check",
  version: 1,
  title: "Trust check",
  instructions: "Think about the past week. Answer for yourself; your partner answers separately.",
  source: "mend",
  validated: false,
  items: [
    { id: "believe", text: "I could believe what my partner told me.", options: AGREE },
    { id: "follow-through", text: "My partner did what they said they would do.", options: AGREE },
    { id: "safe-to-raise", text: "I felt able to bring up something that worried me.", options: AGREE },
    { id: "checking", text: "I checked up on my partner more than I wanted to.", options: OFTEN, reverseKeyed: true },
  ],
  scoring: { rule: "sum" },
  direction: "higher_is_better",
};

const relationshipCheck: MeasureDefinitionInput = {
  key: "mend-relationship-check",
  version: 1,
  title: "Relationship check",
  instructions: "Think about the past two weeks. Answer for yourself; your partner answers separately.",
  source: "mend",
  validated: false,
  items: [
    { id: "talk", text: "We talked about something that mattered without it turning into a fight.", options: OFTEN },
    { id: "close", text: "I felt close to my partner.", options: OFTEN },
    { id: "time", text: "We spent time together that we both enjoyed.", options: OFTEN },
    { id: "hope", text: "I felt hopeful about where we are heading.", options: AGREE },
    { id: "alone", text: "I felt alone in this relationship.", options: OFTEN, reverseKeyed: true },
  ],
  scoring: { rule: "sum" },
  direction: "higher_is_better",
};

/** Mend's own measures, checked by the same schema as an imported instrument. */
export const MEND_MEASURES: readonly MeasureDefinition[] = [trustCheck, relationshipCheck].map((m) => measureDefinitionSchema.parse(m));
