import fc from "fast-check";

/**
 * Building blocks for the property tests of every input schema and server action: hostile values
 * of every shape a browser, a script or a hand-edited URL could send, and the valid values the
 * schemas are meant to accept.
 */

/** Cases per schema or action: a quick pass in `npm test`, the long one in CI (`FUZZ_RUNS=1000`). */
export const FUZZ_RUNS = Math.max(1, Number.parseInt(process.env.FUZZ_RUNS ?? "", 10) || 100);

/** A fixed seed when FUZZ_SEED is set, to replay a failure fast-check reported. */
export const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

/** fast-check parameters shared by every property. */
export function fuzzParameters(runs = FUZZ_RUNS): fc.Parameters<unknown> {
  return { numRuns: runs, ...(FUZZ_SEED !== undefined ? { seed: FUZZ_SEED } : {}) };
}

/** Strings that have broken parsers before: NUL, line breaks, bidi marks, numerals, dates, ids, injections. */
export const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u0000".repeat(5),
  "\r\n",
  "\t",
  "\u0007\u001b[31m",
  "\u007f",
  "\u202eevil",
  "\ufeff",
  "\ud800",
  "\udfff\ud800",
  "💥🧨",
  "e\u0301",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-Infinity",
  "-1",
  "0",
  "1e309",
  "-0",
  "0x10",
  "1.5",
  "  7  ",
  "true",
  "on",
  "__proto__",
  "constructor",
  "prototype",
  "<script>alert(1)</script>",
  "' OR 1=1--",
  "'; drop table users; --",
  "%00",
  "../../etc/passwd",
  "9999-99-99",
  "2025-02-30",
  "1899-12-31",
  "2101-01-01",
  "275760-09-13",
  "2026-01-01T25:61",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "a@b",
  "both",
  "clinic",
  "Europe/London",
  "Mars/Olympus_Mons",
] as const;

/** Just under, at and over the caps the schemas use. */
const LENGTHS = [19, 20, 40, 41, 99, 100, 101, 200, 201, 254, 255, 2000, 2001, 4000, 4001, 10_000, 10_001, 100_000] as const;

/** A string of one of the interesting lengths, from a short repeated unit (which may hold NUL or an emoji). */
export const longString: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...LENGTHS), fc.oneof(fc.string({ minLength: 1, maxLength: 3 }), fc.constantFrom("a", "\u0000", "💥", " ", "é")))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

/** Control characters only (C0 and DEL). */
const controlString = fc.string({
  unit: fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.constant(0x7f)).map((code) => String.fromCharCode(code)),
  minLength: 1,
  maxLength: 8,
});

/** Any string worth sending: ordinary, full unicode (lone surrogates too), control characters, nasty, long. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  controlString,
  fc.constantFrom(...NASTY_STRINGS),
  longString,
  fc.tuple(fc.string({ maxLength: 5 }), controlString, fc.string({ maxLength: 5 })).map((parts) => parts.join("")),
);

/** Numbers a schema might not expect: NaN, infinities, -0, huge, fractional, unsafe integers. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.integer({ min: -20, max: 20 }),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER + 2, Number.MIN_VALUE, 1e308, 0.5, 10.0000001),
);

/** Anything at all: JSON-ish values, nested objects and arrays, dates, bigints, symbols, functions. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: "small" },
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(Symbol("x"), () => "fn", new Map([["a", 1]]), new Set([1]), new Uint8Array([0, 1]), Object.create(null) as object),
  fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true }),
  fc.array(hostileString, { maxLength: 4 }),
);

/** A record over `keys` (each present or not) whose values are anything, plus stray keys. */
export function hostileRecord(keys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const known = keys.length > 0 ? fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] }) : fc.constant({});
  return fc.tuple(known, fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("__proto__", "constructor", "toString")), hostileValue, { maxKeys: 3 })).map(
    ([k, extra]) => ({ ...extra, ...k }),
  );
}

/** String(value), or a stand-in for the values that cannot become one (null-prototype objects, symbols). */
export function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return "[object]";
  }
}

/** Replaces, removes or breaks one key of a valid value, or adds a stray one: a near miss. */
export function mutateRecord(valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(valid, fc.nat(), fc.constantFrom("replace", "delete", "stray", "string-of-value", "array-of-value"), hostileValue)
    .map(([value, pick, how, junk]) => {
      const copy: Record<string, unknown> = { ...value };
      const keys = Object.keys(copy);
      const key = keys.length > 0 ? keys[pick % keys.length]! : "x";
      if (how === "replace") copy[key] = junk;
      else if (how === "delete") delete copy[key];
      else if (how === "stray") copy[`${key}_x`] = junk;
      else if (how === "string-of-value") copy[key] = safeString(copy[key]);
      else copy[key] = [copy[key], junk];
      return copy;
    });
}

/** A URL's search parameters as a page receives them: strings, repeated names as arrays, absent ones. */
export function searchParamsRecord(keys: readonly string[]): fc.Arbitrary<Record<string, string | string[] | undefined>> {
  const param = fc.oneof(hostileString, fc.array(hostileString, { minLength: 2, maxLength: 3 }), fc.constant(undefined));
  const known = fc.record(Object.fromEntries(keys.map((k) => [k, param])), { requiredKeys: [] });
  return fc.tuple(known, fc.dictionary(fc.string({ maxLength: 6 }), fc.string(), { maxKeys: 2 })).map(([k, extra]) => ({ ...extra, ...k }));
}

/** A non-blank line of text of `min`–`max` characters once trimmed, no NUL, maybe with outer spaces. */
export function validText(max: number, min = 1): fc.Arbitrary<string> {
  const unit = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ0123456789.,;:!?'\"-()") },
    { weight: 1, arbitrary: fc.constantFrom("é", "ß", "你", "\n", "\t", "<", "&", "%") },
  );
  return fc
    .tuple(fc.string({ unit, minLength: min, maxLength: Math.min(max, 60) }), fc.constantFrom("", " ", "  "), fc.constantFrom("", " ", "\n"), fc.constantFrom("a", "Z", "7"))
    .map(([body, before, after, anchor]) => `${before}${(anchor + body).slice(0, max).trim().padEnd(min, "x")}${after}`)
    .filter((s) => s.trim().length >= min && s.trim().length <= max);
}

/** An email address zod accepts, maybe with outer spaces and capitals (trimmed and lowered by the schemas). */
export const validEmail: fc.Arbitrary<string> = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9](?:[a-z0-9_+-]{0,15})$/),
    fc.stringMatching(/^[a-z0-9]{1,12}$/),
    fc.constantFrom("com", "org", "test", "co.uk"),
    fc.boolean(),
    fc.constantFrom("", " "),
  )
  .map(([local, domain, tld, upper, pad]) => {
    const email = `${local}@${domain}.${tld}`;
    return `${pad}${upper ? email.toUpperCase() : email}${pad}`;
  });

/** A yyyy-MM-dd calendar day between two years. */
export function validDay(minYear = 2000, maxYear = 2100): fc.Arbitrary<string> {
  return fc
    .date({ min: new Date(Date.UTC(minYear, 0, 1)), max: new Date(Date.UTC(maxYear, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
}

/** A datetime as the promise form sends it: datetime-local, or ISO with Z or an offset. */
export const validDateTime: fc.Arbitrary<string> = fc
  .tuple(fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }), fc.constantFrom("local", "z", "offset", "seconds"))
  .map(([d, style]) => {
    const iso = d.toISOString();
    if (style === "local") return iso.slice(0, 16);
    if (style === "seconds") return iso.slice(0, 19);
    if (style === "z") return iso;
    return `${iso.slice(0, 19)}+02:00`;
  });

/** A password of 10–200 characters (anything but NUL and outer spaces do not matter to the schemas). */
export const validPassword: fc.Arbitrary<string> = fc.string({ minLength: 10, maxLength: 60 }).filter((s) => s.length >= 10);

/** A value, or the same value in the other shapes a form field might arrive in (numbers as numerals). */
export function numeralOrNumber(n: fc.Arbitrary<number>): fc.Arbitrary<number | string> {
  return n.chain((value) => fc.constantFrom<number | string>(value, String(value), ` ${value} `));
}

/**
 * Every string inside `value` (keys too), with its path, so an output can be checked whole:
 * no NUL byte, and no text longer than the schema's cap.
 */
export function stringsIn(value: unknown, path = "", seen = new Set<unknown>()): { path: string; text: string }[] {
  if (typeof value === "string") return [{ path, text: value }];
  if (value === null || typeof value !== "object" || seen.has(value)) return [];
  seen.add(value);
  const out: { path: string; text: string }[] = [];
  for (const [key, inner] of Object.entries(value)) {
    out.push({ path: `${path}.${key}#key`, text: key }, ...stringsIn(inner, `${path}.${key}`, seen));
  }
  return out;
}

/** Form fields as a browser (or a script) sends them: value per name, possibly repeated names and files. */
export type FormEntries = [string, string | Blob][];

/** Builds FormData from entries, in order, so a repeated name is sent twice. */
export function toFormData(entries: FormEntries): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

/** A field value as FormData can carry it: any string (most of the time), or a file. */
export const formValue: fc.Arbitrary<string | Blob> = fc.oneof(
  { weight: 9, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(new Blob(["x"]), new File(["\u0000"], "a.txt", { type: "text/plain" })) },
);

/**
 * Hostile FormData for a form with `fields`: each field present or missing, any value, sometimes
 * sent twice, plus stray names (Next's `$ACTION_` fields, dotted paths, prototype keys).
 */
export function hostileForm(fields: readonly string[]): fc.Arbitrary<FormEntries> {
  const strayName = fc.oneof(
    fc.string({ maxLength: 10 }),
    fc.constantFrom("$ACTION_ID_abc", "__proto__", "a.__proto__.b", "x.0", "x.999999", "partners.5.email", "constructor.prototype", "couple:", "answer.x"),
  );
  const known = fields.map((name) =>
    fc.oneof(
      { weight: 1, arbitrary: fc.constant<FormEntries>([]) },
      { weight: 4, arbitrary: formValue.map((v): FormEntries => [[name, v]]) },
      { weight: 1, arbitrary: fc.tuple(formValue, formValue).map(([a, b]): FormEntries => [[name, a], [name, b]]) },
    ),
  );
  return fc
    .tuple(fc.tuple(...known), fc.array(fc.tuple(strayName, formValue), { maxLength: 3 }))
    .map(([parts, stray]) => [...parts.flat(), ...stray]);
}

/** Either a valid form (maybe with one field replaced by what a hostile form sent for it, or left out) or a wholly hostile one. */
export function formOf(fields: readonly string[], valid: fc.Arbitrary<FormEntries>): fc.Arbitrary<FormEntries> {
  const broken = fc.tuple(valid, hostileForm(fields), fc.nat()).map(([entries, hostile, pick]): FormEntries => {
    const name = entries[pick % Math.max(1, entries.length)]?.[0];
    return [...entries.filter(([n]) => n !== name), ...hostile.filter(([n]) => n === name)];
  });
  return fc.oneof(valid, broken, hostileForm(fields));
}

/** A record's defined values as form fields (a hostile object becomes whatever text it can). */
export function asEntries(record: Record<string, unknown>): FormEntries {
  return Object.entries(record)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => [k, safeString(v)]);
}

/** A bound id: one of the given records, a forged id, or anything at all. */
export function idFrom(pool: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: pool.length ? fc.constantFrom(...pool) : fc.uuid({ version: 4 }) },
    { weight: 2, arbitrary: fc.uuid({ version: 4 }) },
    { weight: 1, arbitrary: fc.constantFrom("00000000-0000-0000-0000-000000000000", "", "null") },
    { weight: 1, arbitrary: hostileValue },
  );
}

/** Field descriptions as the program's exercise kinds give them (only what the generator reads). */
type FieldLike = {
  name: string;
  kind: "text" | "textarea" | "choice" | "rating" | "list" | "date";
  required: boolean;
  maxLength?: number;
  options?: { value: string }[];
  min?: number;
  max?: number;
  maxItems?: number;
  itemFields?: FieldLike[];
};

function fieldValue(field: FieldLike): fc.Arbitrary<unknown> {
  switch (field.kind) {
    case "text":
    case "textarea":
      return validText(field.maxLength ?? 200);
    case "choice":
      return fc.constantFrom(...(field.options ?? []).map((o) => o.value));
    case "rating":
      return numeralOrNumber(fc.integer({ min: field.min ?? 0, max: field.max ?? 10 }));
    case "date":
      return validDateTime;
    case "list":
      return fc.array(answerFromFields(field.itemFields ?? []), { minLength: 1, maxLength: Math.min(field.maxItems ?? 3, 3) });
  }
}

/**
 * A valid answer for an exercise kind, generated from its own field descriptions: required
 * fields filled within their caps, optional ones filled, blank or left out.
 */
export function answerFromFields(fields: readonly FieldLike[]): fc.Arbitrary<Record<string, unknown>> {
  const entries = fields.map((field) => {
    const value = fieldValue(field);
    const optional = fc.oneof(value, fc.constantFrom("", "  ", undefined));
    return [field.name, field.required ? value : optional] as const;
  });
  return fc.record(Object.fromEntries(entries)).map((answer) =>
    Object.fromEntries(Object.entries(answer).filter(([, v]) => v !== undefined)),
  );
}

/** The same answer as the generated exercise form would send it: `answer.<field>` and `answer.<list>.<row>.<item>`. */
export function answerToFormEntries(answer: Record<string, unknown>): FormEntries {
  const entries: FormEntries = [];
  for (const [name, value] of Object.entries(answer)) {
    if (Array.isArray(value)) {
      value.forEach((row: Record<string, unknown>, i) => {
        for (const [item, text] of Object.entries(row)) entries.push([`answer.${name}.${i}.${item}`, String(text)]);
      });
    } else entries.push([`answer.${name}`, String(value)]);
  }
  return entries;
}
