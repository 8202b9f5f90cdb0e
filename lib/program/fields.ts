import { z } from "zod";

/**
 * The field-builder toolkit every exercise kind is written with. Each builder returns the form
 * description and the zod rule together, so the two can never drift apart: a kind's `fields` and
 * `schema` are both generated from one list of these by {@link defineAnswer}.
 */

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
/** Most rows a `list` field may hold. */
export const LIST_MAX_ITEMS = 20;

/** One field of an answer: its form description (named by its key in the answer) and its rule. */
export type FieldDef<S extends z.ZodType = z.ZodType> = { spec: Omit<FieldSpec, "name">; schema: S };

/** One option of a choice field. */
export type Option<V extends string> = { value: V; label: string };

/** At least one option, so the choice's zod enum is never empty. */
export type Options<V extends string> = readonly [Option<V>, ...Option<V>[]];

/** Options for a fixed list of values, labelled from a lookup (moods, contact answers, visibilities). */
export function labelledOptions<const V extends string>(values: readonly [V, ...V[]], labels: Record<V, string>): Options<V> {
  return values.map((value) => ({ value, label: labels[value] })) as unknown as Options<V>;
}

const numberFormat = new Intl.NumberFormat("en-GB");

/** Why a text holding a NUL character is refused: Postgres cannot store it, and no keyboard types it. */
export const NUL_REFUSED = "Please remove the unusual characters from this text.";

/** False for text holding a NUL character, which Postgres refuses in any text column. */
export function hasNoNul(value: string): boolean {
  return !value.includes("\u0000");
}

function tooLong(max: number): string {
  return `Please keep this to ${numberFormat.format(max)} characters or fewer.`;
}

/** Forms send blanks as "" or null; an optional field treats those the same as leaving it out. */
export function blankToUndefined(value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value === "string" && value.trim() === "") return undefined;
  return value;
}

/** HTML forms send numbers as strings; accept a plain numeral so the number rules can judge it. */
export function numeralToNumber(value: unknown): unknown {
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
    .max(max, { error: tooLong(max) })
    .refine(hasNoNul, { error: NUL_REFUSED });
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

/** A required one-line answer of up to {@link TEXT_MAX} characters. */
export const text = (o: TextOptions) => requiredString("text", TEXT_MAX, o);
/** A required longer answer of up to {@link TEXTAREA_MAX} characters. */
export const textarea = (o: TextOptions) => requiredString("textarea", TEXTAREA_MAX, o);
/** An optional longer answer; blank counts as left out. */
export const optionalTextarea = (o: Omit<TextOptions, "about">, max: number = TEXTAREA_MAX) =>
  optionalString("textarea", max, o);

/** A whole number from `min` to `max`, with one calm message for anything out of range. */
export function wholeNumber(min: number, max: number, missing: string) {
  const outOfRange = `Please choose a whole number from ${min} to ${max}.`;
  return z
    .number({ error: (issue) => (issue.input === undefined ? missing : outOfRange) })
    .int({ error: outOfRange })
    .min(min, { error: outOfRange })
    .max(max, { error: outOfRange });
}

/** A required 0–10 scale. */
export function rating(o: { label: string; help?: string; about: string }) {
  return {
    spec: { kind: "rating", label: o.label, help: o.help, required: true, min: 0, max: 10 },
    schema: z.preprocess(numeralToNumber, wholeNumber(0, 10, `Please choose a number from 0 to 10 for ${o.about}.`)),
  } satisfies FieldDef;
}

/** One of `values`; `missing` is shown when nothing was chosen. */
export function enumSchema<const V extends readonly [string, ...string[]]>(values: V, missing: string) {
  return z.enum(values, {
    error: (issue) => (issue.input === undefined ? missing : "Please choose one of the options given."),
  });
}

type ChoiceOptions<V extends string> = {
  label: string;
  help?: string;
  options: Options<V>;
  /** Shown when a required choice is left empty. */
  missing: string;
};

function optionValues<V extends string>(options: Options<V>) {
  return options.map((o) => o.value) as unknown as readonly [V, ...V[]];
}

/** A required choice of one of `options`. */
export function choice<const V extends string>(o: ChoiceOptions<V>) {
  return {
    spec: { kind: "choice", label: o.label, help: o.help, required: true, options: o.options.map((x) => ({ ...x })) },
    schema: z.preprocess(blankToUndefined, enumSchema(optionValues(o.options), o.missing)),
  } satisfies FieldDef;
}

/** An optional choice; blank counts as left out. */
export function optionalChoice<const V extends string>(o: Omit<ChoiceOptions<V>, "missing">) {
  return {
    spec: { kind: "choice", label: o.label, help: o.help, required: false, options: o.options.map((x) => ({ ...x })) },
    schema: z.preprocess(blankToUndefined, enumSchema(optionValues(o.options), "").optional()),
  } satisfies FieldDef;
}

/** A required date and time. Accepts ISO 8601 with `Z`, an offset, or none (as an `<input type="datetime-local">` sends). */
export function dateTime(o: { label: string; help?: string; missing: string }) {
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
export function list<D extends FieldDefs>(o: { label: string; help?: string; items: D; missing: string }) {
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

/**
 * Builds a kind's `fields` and `schema` from one definition. The fields come out in the order
 * they are written here, which is the order forms and answers show them. Unknown keys are
 * stripped, not rejected.
 */
export function defineAnswer<D extends FieldDefs>(defs: D) {
  const { fields, shape } = shapeAndFields(defs);
  return {
    fields,
    shape,
    schema: z.object(shape, { error: "Please send the answer as a set of fields." }),
  };
}
