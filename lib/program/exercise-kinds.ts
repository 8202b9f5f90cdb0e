import { z } from "zod";

/**
 * Every kind of exercise the program can ask a partner to do. Stored as plain text in the
 * database (`assignments.exercise_kind`, `exercise_responses.exercise_kind`), so adding a kind
 * here needs no migration — but renaming one would orphan stored answers.
 */
export const EXERCISE_KIND_IDS = [
  "disclosure_worksheet",
  "rebuild_decision",
  "safety_screen",
  "agreement",
  "daily_check_in",
  "promise",
  "daily_sharing",
  "private_reflection",
  "trigger_map",
  "noticing_log",
  "monthly_review",
] as const;

/** One of {@link EXERCISE_KIND_IDS}. */
export type ExerciseKindId = (typeof EXERCISE_KIND_IDS)[number];

/**
 * Who may read an answer besides the partner who wrote it and the couple's counsellor:
 * `shared` — the other partner too; `counsellor_only` — nobody else.
 */
export const VISIBILITIES = ["shared", "counsellor_only"] as const;

/** One of {@link VISIBILITIES}. */
export type Visibility = (typeof VISIBILITIES)[number];

/** Labels for a visibility picker, written from the partner's point of view. */
export const VISIBILITY_LABELS: Record<Visibility, string> = {
  shared: "My partner and my counsellor",
  counsellor_only: "Only my counsellor",
};

/**
 * Describes one form field so forms can be built generically from an exercise kind.
 * `list` is a repeatable group of `itemFields` (for example, the rows of a trigger map).
 * Every field here has a matching key in the kind's `schema`, with the same name and rules.
 */
export type FieldSpec = {
  name: string;
  label: string;
  help?: string;
  kind: "text" | "textarea" | "choice" | "rating" | "list" | "date";
  required: boolean;
  maxLength?: number;
  options?: { value: string; label: string }[];
  min?: number;
  max?: number;
  maxItems?: number;
  itemFields?: FieldSpec[];
};

/** Longest answer for a one-line `text` field. */
export const TEXT_MAX = 200;
/** Longest answer for a `textarea` field. */
export const TEXTAREA_MAX = 4000;
/** Longest optional note on a daily check-in; kept shorter than other textareas so the day stays light. */
export const CHECK_IN_NOTE_MAX = 2000;
/** Most rows a `list` field may hold. */
export const LIST_MAX_ITEMS = 20;

/** The five moods a partner can pick on a daily check-in, lowest first (matches the `mood` enum in the database). */
export const MOODS = ["very_low", "low", "okay", "good", "very_good"] as const;
/** One of {@link MOODS}. */
export type Mood = (typeof MOODS)[number];
/** How each mood is shown to partners. */
export const MOOD_LABELS: Record<Mood, string> = {
  very_low: "Very low",
  low: "Low",
  okay: "Okay",
  good: "Good",
  very_good: "Very good",
};

/**
 * Answers to "did we have the contact we agreed today?" (matches the `contact` enum in the database).
 * `none_agreed` keeps days without a contact agreement out of adherence figures rather than counting them as misses.
 */
export const CONTACT_ANSWERS = ["yes", "no", "none_agreed"] as const;
/** One of {@link CONTACT_ANSWERS}. */
export type ContactAnswer = (typeof CONTACT_ANSWERS)[number];
/** How each contact answer is shown to partners. */
export const CONTACT_ANSWER_LABELS: Record<ContactAnswer, string> = {
  yes: "Yes, we did",
  no: "No, not today",
  none_agreed: "We haven't agreed any contact yet",
};

// ---------------------------------------------------------------------------------------------
// Field builders. Each returns the form description and the zod rule together, so the two can
// never drift apart: a kind's `fields` and `schema` are both generated from one list of these.
// ---------------------------------------------------------------------------------------------

type FieldDef<S extends z.ZodType = z.ZodType> = { spec: Omit<FieldSpec, "name">; schema: S };

type Option<V extends string> = { value: V; label: string };

const numberFormat = new Intl.NumberFormat("en-GB");

function tooLong(max: number): string {
  return `Please keep this to ${numberFormat.format(max)} characters or fewer.`;
}

/** Forms send blanks as "" or null; an optional field treats those the same as leaving it out. */
function blankToUndefined(value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value === "string" && value.trim() === "") return undefined;
  return value;
}

/** HTML forms send numbers as strings; accept a plain numeral so the number rules can judge it. */
function numeralToNumber(value: unknown): unknown {
  const blank = blankToUndefined(value);
  if (typeof blank === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(blank)) return Number(blank);
  return blank;
}

function baseString(max: number, missing: string) {
  return z
    .string({
      error: (issue) => (issue.input === undefined || issue.input === null ? missing : "Please write this as text."),
    })
    .trim()
    .max(max, { error: tooLong(max) });
}

type TextOptions = { label: string; help?: string; about: string };

/** A required string field; `about` completes "Please write a few words about …". */
function requiredString(kind: "text" | "textarea", max: number, o: TextOptions) {
  const missing = `Please write a few words about ${o.about}.`;
  return {
    spec: { kind, label: o.label, help: o.help, required: true, maxLength: max },
    schema: baseString(max, missing).min(1, { error: missing }),
  } satisfies FieldDef;
}

function optionalString(kind: "text" | "textarea", max: number, o: Omit<TextOptions, "about">) {
  return {
    spec: { kind, label: o.label, help: o.help, required: false, maxLength: max },
    schema: z.preprocess(blankToUndefined, baseString(max, "").optional()),
  } satisfies FieldDef;
}

const text = (o: TextOptions) => requiredString("text", TEXT_MAX, o);
const textarea = (o: TextOptions) => requiredString("textarea", TEXTAREA_MAX, o);
const optionalTextarea = (o: Omit<TextOptions, "about">, max: number = TEXTAREA_MAX) =>
  optionalString("textarea", max, o);

function wholeNumber(min: number, max: number, missing: string) {
  const outOfRange = `Please choose a whole number from ${min} to ${max}.`;
  return z
    .number({ error: (issue) => (issue.input === undefined ? missing : outOfRange) })
    .int({ error: outOfRange })
    .min(min, { error: outOfRange })
    .max(max, { error: outOfRange });
}

/** A required 0–10 scale. */
function rating(o: { label: string; help?: string; about: string }) {
  return {
    spec: { kind: "rating", label: o.label, help: o.help, required: true, min: 0, max: 10 },
    schema: z.preprocess(numeralToNumber, wholeNumber(0, 10, `Please choose a number from 0 to 10 for ${o.about}.`)),
  } satisfies FieldDef;
}

function enumSchema<const V extends readonly [string, ...string[]]>(values: V, missing: string) {
  return z.enum(values, {
    error: (issue) => (issue.input === undefined ? missing : "Please choose one of the options given."),
  });
}

type ChoiceOptions<V extends string> = {
  label: string;
  help?: string;
  options: readonly [Option<V>, ...Option<V>[]];
  /** Shown when a required choice is left empty. */
  missing: string;
};

function optionValues<V extends string>(options: readonly [Option<V>, ...Option<V>[]]) {
  return options.map((o) => o.value) as unknown as readonly [V, ...V[]];
}

function choice<const V extends string>(o: ChoiceOptions<V>) {
  return {
    spec: { kind: "choice", label: o.label, help: o.help, required: true, options: o.options.map((x) => ({ ...x })) },
    schema: z.preprocess(blankToUndefined, enumSchema(optionValues(o.options), o.missing)),
  } satisfies FieldDef;
}

function optionalChoice<const V extends string>(o: Omit<ChoiceOptions<V>, "missing">) {
  return {
    spec: { kind: "choice", label: o.label, help: o.help, required: false, options: o.options.map((x) => ({ ...x })) },
    schema: z.preprocess(blankToUndefined, enumSchema(optionValues(o.options), "").optional()),
  } satisfies FieldDef;
}

/** A required date and time. Accepts ISO 8601 with `Z`, an offset, or none (as an `<input type="datetime-local">` sends). */
function dateTime(o: { label: string; help?: string; missing: string }) {
  const invalid = "Please choose a real date and time.";
  return {
    spec: { kind: "date", label: o.label, help: o.help, required: true },
    schema: z.preprocess(
      blankToUndefined,
      z
        .string({ error: (issue) => (issue.input === undefined ? o.missing : invalid) })
        .trim()
        .pipe(z.iso.datetime({ offset: true, local: true, error: invalid })),
    ),
  } satisfies FieldDef;
}

type FieldDefs = Record<string, FieldDef>;
type ShapeOf<D extends FieldDefs> = { [K in keyof D]: D[K]["schema"] };

function shapeAndFields<D extends FieldDefs>(defs: D) {
  const fields: FieldSpec[] = Object.entries(defs).map(([name, d]) => {
    // Drop undefined keys so a FieldSpec prints and compares cleanly.
    const spec = Object.fromEntries(Object.entries(d.spec).filter(([, v]) => v !== undefined)) as Omit<FieldSpec, "name">;
    return { name, ...spec };
  });
  const shape = Object.fromEntries(Object.entries(defs).map(([name, d]) => [name, d.schema])) as ShapeOf<D>;
  return { fields, shape };
}

/** A required repeatable group of rows, 1 to {@link LIST_MAX_ITEMS}. */
function list<D extends FieldDefs>(o: { label: string; help?: string; items: D; missing: string }) {
  const { fields, shape } = shapeAndFields(o.items);
  return {
    spec: { kind: "list", label: o.label, help: o.help, required: true, maxItems: LIST_MAX_ITEMS, itemFields: fields },
    schema: z
      .array(z.object(shape), {
        error: (issue) => (issue.input === undefined || issue.input === null ? o.missing : "Please add these as a list of rows."),
      })
      .min(1, { error: o.missing })
      .max(LIST_MAX_ITEMS, { error: `Please keep this to ${LIST_MAX_ITEMS} rows or fewer.` }),
  } satisfies FieldDef;
}

/** Builds a kind's `fields` and `schema` from one definition. Unknown keys are stripped, not rejected. */
function defineAnswer<D extends FieldDefs>(defs: D) {
  const { fields, shape } = shapeAndFields(defs);
  return {
    fields,
    shape,
    schema: z.object(shape, { error: "Please send the answer as a set of fields." }),
  };
}

// ---------------------------------------------------------------------------------------------
// The answers, one per kind.
// ---------------------------------------------------------------------------------------------

type Frequency = "never" | "sometimes" | "often";
const frequencyOptions = [
  { value: "never", label: "Never" },
  { value: "sometimes", label: "Sometimes" },
  { value: "often", label: "Often" },
] as const satisfies readonly Option<Frequency>[];

const disclosureWorksheet = defineAnswer({
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
});

const rebuildDecision = defineAnswer({
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
});

const safetyScreen = defineAnswer({
  afraidOfPartner: choice({
    label: "Do you feel afraid of your partner?",
    options: frequencyOptions,
    missing: "Please choose an answer about feeling afraid.",
  }),
  hurtOrThreatened: choice({
    label: "In the past year, has your partner hurt you, or threatened to hurt you, your children or your pets?",
    options: frequencyOptions,
    missing: "Please choose an answer about being hurt or threatened.",
  }),
  controlled: choice({
    label: "Does your partner check up on you, or limit your money, phone or who you see, in a way that feels controlling?",
    options: frequencyOptions,
    missing: "Please choose an answer about feeling checked up on or controlled.",
  }),
  worriedAfterSessions: choice({
    label: "Do you worry about what might happen at home after something is said in a session?",
    options: frequencyOptions,
    missing: "Please choose an answer about worrying after sessions.",
  }),
  safeToSpeak: choice({
    label: "Do you feel safe to speak freely in sessions when your partner is there?",
    options: [
      { value: "yes", label: "Yes" },
      { value: "not_sure", label: "I'm not sure" },
      { value: "no", label: "No" },
    ],
    missing: "Please choose an answer about speaking freely in sessions.",
  }),
  anythingElse: optionalTextarea({
    label: "Anything else you want your counsellor to know",
    help: "Optional. Only your counsellor will see this form.",
  }),
});

const agreement = defineAnswer({
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
});

const checkInAnswer = defineAnswer({
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
    options: MOODS.map((m) => ({ value: m, label: MOOD_LABELS[m] })) as unknown as readonly [
      Option<Mood>,
      ...Option<Mood>[],
    ],
    missing: "Please choose how your mood has been today.",
  }),
  contact: choice({
    label: "Did we have the contact we agreed today?",
    options: CONTACT_ANSWERS.map((c) => ({ value: c, label: CONTACT_ANSWER_LABELS[c] })) as unknown as readonly [
      Option<ContactAnswer>,
      ...Option<ContactAnswer>[],
    ],
    missing: "Please say whether you had the contact you agreed.",
  }),
  note: optionalTextarea(
    { label: "Anything you want to add", help: "Optional. A line or two about today." },
    CHECK_IN_NOTE_MAX,
  ),
  noteVisibility: {
    spec: {
      kind: "choice",
      label: "Who can read my note?",
      help: "Your scores are always seen by your partner and counsellor; this only decides who reads the note.",
      required: false,
      options: VISIBILITIES.map((v) => ({ value: v, label: VISIBILITY_LABELS[v] })),
    },
    // Matches the database default; the check-in form always shows this choice explicitly.
    schema: z.preprocess(blankToUndefined, enumSchema(VISIBILITIES, "").default("shared")),
  },
});

const promise = defineAnswer({
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
});

const dailySharing = defineAnswer({
  answer: textarea({
    label: "My answer to today's question",
    help: "You'll see each other's answers once you have both replied.",
    about: "today's question",
  }),
  fromMyDay: optionalTextarea({
    label: "Something from my day I'd like you to know",
    help: "Optional. It can be small.",
  }),
});

const privateReflection = defineAnswer({
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
});

const triggerMap = defineAnswer({
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
});

const noticingLog = defineAnswer({
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
});

const monthlyReview = defineAnswer({
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
});

/**
 * The daily check-in answer. Also accepts an optional `date` (yyyy-mm-dd, a real calendar day)
 * for the day the check-in is about; it is not in the kind's `fields` because the app fills it in,
 * not the partner. Omitted `noteVisibility` becomes `"shared"`, matching the database default.
 */
export const checkInSchema = checkInAnswer.schema.extend({
  date: z.iso.date({ error: "Please give a real calendar day as yyyy-mm-dd." }).optional(),
});

/** Per-kind answer schemas with their precise types; {@link EXERCISE_KINDS} holds the same objects. */
export const ANSWER_SCHEMAS = {
  disclosure_worksheet: disclosureWorksheet.schema,
  rebuild_decision: rebuildDecision.schema,
  safety_screen: safetyScreen.schema,
  agreement: agreement.schema,
  daily_check_in: checkInSchema,
  promise: promise.schema,
  daily_sharing: dailySharing.schema,
  private_reflection: privateReflection.schema,
  trigger_map: triggerMap.schema,
  noticing_log: noticingLog.schema,
  monthly_review: monthlyReview.schema,
} as const satisfies Record<ExerciseKindId, z.ZodType>;

/** A validated (parsed) answer of kind `K`. Optional text left blank is absent, never "". */
export type ExerciseAnswer<K extends ExerciseKindId = ExerciseKindId> = z.output<(typeof ANSWER_SCHEMAS)[K]>;
/** A validated daily check-in, as returned by `checkInSchema`. */
export type CheckInAnswer = z.output<typeof checkInSchema>;
/** A validated safety screen. */
export type SafetyScreenAnswer = ExerciseAnswer<"safety_screen">;

/** One exercise kind: what partners and counsellors are told, who sees it, and how its answer is checked. */
export type ExerciseKind<K extends ExerciseKindId = ExerciseKindId> = {
  id: K;
  /** The program step (1–10) that brings this kind. */
  step: number;
  title: string;
  /** One or two sentences for partners. */
  summary: string;
  counsellorNote: string;
  defaultVisibility: Visibility;
  /** When true the partner cannot change the visibility (the safety screen is always counsellor-only). */
  visibilityLocked: boolean;
  /** When true, neither partner sees the other's answer for an occurrence until both have answered. */
  revealWhenBothAnswered: boolean;
  /** False for kinds with their own screens and tables (check-ins, promises, agreements); they are not assigned as exercises. */
  assignable: boolean;
  /** Form description; same names and rules as `schema`. */
  fields: FieldSpec[];
  schema: z.ZodType<ExerciseAnswer<K>>;
};

/** Every exercise kind, keyed by id. */
export const EXERCISE_KINDS: { readonly [K in ExerciseKindId]: ExerciseKind<K> } = {
  disclosure_worksheet: {
    id: "disclosure_worksheet",
    step: 1,
    title: "Talking it through",
    summary:
      "Each of you writes down what happened, how it has affected you, and what you still need to understand. It helps you both come to the conversation ready.",
    counsellorNote:
      "Ask both partners to complete this before the session so each account is on the table. Use the 'need to understand' answers to set the agenda, and pace the conversation so it is thorough without turning into an interrogation.",
    defaultVisibility: "shared",
    visibilityLocked: false,
    revealWhenBothAnswered: false,
    assignable: true,
    fields: disclosureWorksheet.fields,
    schema: disclosureWorksheet.schema,
  },
  rebuild_decision: {
    id: "rebuild_decision",
    step: 2,
    title: "Deciding whether to rebuild",
    summary:
      "Take some quiet time to think about whether you want to try to rebuild, and what you would be willing to change. There is no wrong answer.",
    counsellorNote:
      "Private to you by default so a 'no' or 'unsure' can be explored in session rather than discovered in the app. Treat 'unsure' as a real answer to work with; rebuilding needs both partners' commitment.",
    defaultVisibility: "counsellor_only",
    visibilityLocked: false,
    revealWhenBothAnswered: false,
    assignable: true,
    fields: rebuildDecision.fields,
    schema: rebuildDecision.schema,
  },
  safety_screen: {
    id: "safety_screen",
    step: 2,
    title: "Feeling safe",
    summary:
      "A few short questions about how safe you feel at home and in sessions. Only your counsellor will see your answers.",
    counsellorNote:
      "Give to each partner separately before any joint exercises. A flagged screen means pausing couple work: follow up individually, assess risk and plan for safety. Never discuss one partner's answers with the other.",
    defaultVisibility: "counsellor_only",
    visibilityLocked: true,
    revealWhenBothAnswered: false,
    assignable: true,
    fields: safetyScreen.fields,
    schema: safetyScreen.schema,
  },
  agreement: {
    id: "agreement",
    step: 3,
    title: "Our agreements",
    summary:
      "Agree on practical changes, such as how often you'll be in touch. One of you suggests an agreement and the other accepts it before it starts.",
    counsellorNote:
      "Help the couple turn broad wishes into specific, checkable agreements. An accepted agreement with a contact frequency sets how many check-ins a week adherence is measured against.",
    defaultVisibility: "shared",
    visibilityLocked: false,
    revealWhenBothAnswered: false,
    assignable: false,
    fields: agreement.fields,
    schema: agreement.schema,
  },
  daily_check_in: {
    id: "daily_check_in",
    step: 4,
    title: "Daily check-in",
    summary:
      "Once a day, say how much trust and closeness you feel, how your mood is, and whether you had the contact you agreed. It takes a minute.",
    counsellorNote:
      "Read the trend and the gap between partners rather than single days. Honest low scores are information. Notes marked for you only may show what a partner isn't ready to say in the room.",
    defaultVisibility: "shared",
    visibilityLocked: false,
    revealWhenBothAnswered: false,
    assignable: false,
    fields: checkInAnswer.fields,
    schema: checkInSchema,
  },
  promise: {
    id: "promise",
    step: 5,
    title: "Promises",
    summary:
      "Make a small, clear promise with a time it will be done by. Your partner then marks whether it was kept.",
    counsellorNote:
      "Coach towards small, specific promises with a clear time; vague ones can't be confirmed. Review broken promises without blame, asking what got in the way. The weekly keep rate says more than any one promise.",
    defaultVisibility: "shared",
    visibilityLocked: false,
    revealWhenBothAnswered: false,
    assignable: false,
    fields: promise.fields,
    schema: promise.schema,
  },
  daily_sharing: {
    id: "daily_sharing",
    step: 6,
    title: "Question of the day",
    summary:
      "Each day you both answer the same short question and can share something from your day. You'll see each other's answers once you've both replied.",
    counsellorNote:
      "A low-pressure way to rebuild everyday closeness. Answers stay hidden until both partners reply, so neither writes in response to the other. If one partner often doesn't reply, explore it in session.",
    defaultVisibility: "shared",
    visibilityLocked: false,
    revealWhenBothAnswered: true,
    assignable: true,
    fields: dailySharing.fields,
    schema: dailySharing.schema,
  },
  private_reflection: {
    id: "private_reflection",
    step: 7,
    title: "Private reflection",
    summary:
      "A quiet space to think about opening up, closeness and your hopes. Only your counsellor sees it, unless you choose to share it with your partner.",
    counsellorNote:
      "Counsellor-only by default. Treat physical closeness as one part of intimacy, never an obligation; let each partner set their pace. Raise themes in session only with the writer's consent.",
    defaultVisibility: "counsellor_only",
    visibilityLocked: false,
    revealWhenBothAnswered: false,
    assignable: true,
    fields: privateReflection.fields,
    schema: privateReflection.schema,
  },
  trigger_map: {
    id: "trigger_map",
    step: 8,
    title: "Trigger map",
    summary:
      "List situations that set off alarm for your partner, and what you'll do instead in each. Planning ahead makes painful moments less likely.",
    counsellorNote:
      "Usually completed by the partner who broke trust, drawing on the other's account of what worries them. Each situation needs a concrete alternative. Revisit the map as trust grows.",
    defaultVisibility: "shared",
    visibilityLocked: false,
    revealWhenBothAnswered: false,
    assignable: true,
    fields: triggerMap.fields,
    schema: triggerMap.schema,
  },
  noticing_log: {
    id: "noticing_log",
    step: 9,
    title: "Noticing log",
    summary:
      "Jot down a moment when you noticed what your partner needed, what you did, and how it went. Small moments count.",
    counsellorNote:
      "Builds the habit of attending to the other partner. Look for entries that anticipate rather than react, and ask the other partner whether they felt noticed.",
    defaultVisibility: "shared",
    visibilityLocked: false,
    revealWhenBothAnswered: false,
    assignable: true,
    fields: noticingLog.fields,
    schema: noticingLog.schema,
  },
  monthly_review: {
    id: "monthly_review",
    step: 10,
    title: "Monthly review",
    summary:
      "Once a month, look back at how far you've come, what still hurts, and what you'll keep working on. Progress is measured against where you started.",
    counsellorNote:
      "Compare with the couple's own baseline, not with other couples. Normalise lingering doubt; a setback is not a reset. End by agreeing next month's focus.",
    defaultVisibility: "shared",
    visibilityLocked: false,
    revealWhenBothAnswered: false,
    assignable: true,
    fields: monthlyReview.fields,
    schema: monthlyReview.schema,
  },
};

/**
 * Validates an answer for `kind`. Returns zod's safe-parse result; on success `data` is the
 * cleaned answer (strings trimmed, blank optional fields removed, unknown keys dropped) —
 * store `data`, not the raw payload. An unknown kind (for example from a tampered form) fails
 * with a single root issue rather than throwing.
 */
export function parseAnswer<K extends ExerciseKindId>(
  kind: K,
  payload: unknown,
): z.ZodSafeParseResult<ExerciseAnswer<K>> {
  if (!Object.hasOwn(EXERCISE_KINDS, kind)) {
    return {
      success: false,
      error: new z.ZodError([
        { code: "custom", path: [], message: "This exercise isn't part of the program.", input: kind },
      ]) as z.ZodError<ExerciseAnswer<K>>,
    };
  }
  return (EXERCISE_KINDS[kind].schema as z.ZodType<ExerciseAnswer<K>>).safeParse(payload);
}

/** The safety-screen questions whose every answer other than "never" signals risk. */
const RISK_FREQUENCY_QUESTIONS = ["afraidOfPartner", "hurtOrThreatened", "controlled", "worriedAfterSessions"] as const;

/**
 * True when a safety screen shows any sign of risk, so couple exercises should pause until the
 * counsellor has followed up individually.
 *
 * The rule, deliberately cautious: risk if any of feeling afraid of the partner, being hurt or
 * threatened, feeling controlled, or worrying about what happens at home after sessions is
 * answered anything other than "never"; or if feeling safe to speak freely in sessions is
 * answered anything other than "yes" (so "no" and "not sure" both count). A single "sometimes"
 * is enough: a screen should over-flag rather than miss someone.
 *
 * Takes a validated answer (see {@link parseAnswer}).
 */
export function isSafetyConcern(answer: SafetyScreenAnswer): boolean {
  if (RISK_FREQUENCY_QUESTIONS.some((q) => answer[q] !== "never")) return true;
  return answer.safeToSpeak !== "yes";
}

/**
 * Questions of the day for daily sharing, in our own words. Gentle, everyday and answerable
 * by either partner, whichever side of the hurt they are on. Appending or reordering changes
 * which question falls on which date, so store the question text with an answer if it matters later.
 */
export const SHARING_QUESTIONS: string[] = [
  "What is one small thing that made you smile today?",
  "When did you feel most like yourself this week?",
  "What is something you're looking forward to, however small?",
  "What helps you feel calm after a hard day?",
  "Which song, book or programme has been on your mind lately, and why?",
  "What is one thing I did recently that you appreciated?",
  "If we had a free afternoon together, how would you like to spend it?",
  "What has been worrying you lately that I might not know about?",
  "What have you learned about yourself this week?",
  "Which place makes you feel most at ease?",
  "What is a hope you have for the year ahead?",
  "What was the best part of your day, and what was the hardest?",
  "Who has been kind to you recently?",
  "What would make tomorrow feel a little easier?",
  "What is a childhood memory that still makes you happy?",
  "What is something you'd like us to try together one day?",
  "When do you feel most listened to?",
  "What is one small way I could support you this week?",
  "What is something you're proud of from this month?",
  "What does a good evening at home look like to you?",
  "What is a skill or hobby you'd love to get better at?",
  "What has been on your mind most today?",
  "What is a kindness from someone you barely knew that you still remember?",
  "What are you grateful for today?",
  "What has been tiring you out lately?",
  "If you could take a day off from everything, what would you do with it?",
  "What meal reminds you of a happy time?",
  "What would you like me to understand better about how you're feeling this week?",
  "What helps you feel close to someone?",
  "What small routine makes your day better?",
  "What is something you've changed your mind about in the last few years?",
  "Where would you like to go, near or far, when things feel lighter?",
  "What would you like more of in your life right now?",
  "What is something that made you laugh recently?",
];

const MS_PER_DAY = 86_400_000;

/**
 * The question of the day for a calendar date (`yyyy-mm-dd`; a longer ISO string uses its
 * leading date). Deterministic: days since 1970-01-01 modulo the number of questions, so both
 * partners see the same question as long as callers pass the couple's local date, not a UTC
 * timestamp. Throws a RangeError for a string that isn't a real date.
 */
export function questionForDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match || !z.iso.date().safeParse(match[0]).success) {
    throw new RangeError(`Not a calendar date: ${JSON.stringify(isoDate)}`);
  }
  const days = Math.floor(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY);
  const n = SHARING_QUESTIONS.length;
  return SHARING_QUESTIONS[((days % n) + n) % n];
}
