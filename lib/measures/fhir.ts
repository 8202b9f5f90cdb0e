import { z } from "zod";
import { measureDefinitionSchema, type MeasureDefinition, type MeasureDefinitionInput } from "./definition";

/**
 * Reading an instrument a clinic imports as a FHIR R4 `Questionnaire` (JSON). Answer options carry
 * their scores as ordinal values (the `ordinalValue` extension of R4, or `itemWeight` from later
 * versions; an option given as a plain integer scores as that integer). What FHIR has no words for
 * (scoring rule, direction, cut-off, reliable change, reverse keys, subscales) comes in Mend's
 * small extensions below. The result is a measure definition, checked by the same schema as
 * Mend's own measures; a file with anything wrong gives the whole list and imports nothing.
 */

/** Largest file accepted: instruments are a few kilobytes. */
export const QUESTIONNAIRE_MAX_BYTES = 256 * 1024;

export const ORDINAL_VALUE_URL = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
export const ITEM_WEIGHT_URL = "http://hl7.org/fhir/StructureDefinition/itemWeight";
/** On the Questionnaire: how the items add up, and what a score means. */
export const MEND_SCORING_URL = "urn:mend:fhir:measure-scoring";
/** On an item: `valueBoolean` true when the item is reverse-keyed. */
export const MEND_REVERSE_KEYED_URL = "urn:mend:fhir:reverse-keyed";
/** On an item: `valueString`, the id of the subscale it belongs to. */
export const MEND_SUBSCALE_URL = "urn:mend:fhir:subscale";

type Extension = { url?: unknown; extension?: unknown; [value: string]: unknown };
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const extensionsOf = (v: Json): Extension[] => (Array.isArray(v.extension) ? v.extension.filter(isObject) : []);
const find = (v: Json, url: string) => extensionsOf(v).find((e) => e.url === url);
const findAll = (v: Json, url: string) => extensionsOf(v).filter((e) => e.url === url);
/** The `value[x]` of an extension, whatever its type. */
const valueOf = (e: Extension | undefined): unknown =>
  e ? Object.entries(e).find(([k]) => k.startsWith("value"))?.[1] : undefined;

export type ImportResult = { ok: true; definition: MeasureDefinition } | { ok: false; errors: string[] };

/** Reads the text of an uploaded file. Every problem found is listed, in the file's order. */
export function importQuestionnaire(text: string): ImportResult {
  if (text.length > QUESTIONNAIRE_MAX_BYTES) return { ok: false, errors: ["The file is larger than 256 kB; an instrument is a few kilobytes."] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, errors: ["The file is not JSON. Export the instrument as a FHIR Questionnaire in JSON."] };
  }
  if (!isObject(json) || json.resourceType !== "Questionnaire")
    return { ok: false, errors: ['The file is not a FHIR Questionnaire (its "resourceType" must be "Questionnaire").'] };
  const errors: string[] = [];
  const input = toDefinitionInput(json, errors);
  const parsed = measureDefinitionSchema.safeParse(input);
  if (!parsed.success) errors.push(...parsed.error.issues.map((issue) => describeIssue(issue, input)));
  if (errors.length > 0 || !parsed.success) return { ok: false, errors: [...new Set(errors)] };
  return { ok: true, definition: parsed.data };
}

function slug(v: unknown): string | undefined {
  if (typeof v !== "string") return undefined;
  const s = v.trim().replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[^A-Za-z0-9]+/, "").slice(0, 64);
  return s || undefined;
}

/** The choice items in the order shown, with groups opened and display-only items left out. */
function choiceItems(items: unknown, errors: string[], trail = ""): Json[] {
  if (!Array.isArray(items)) return [];
  const out: Json[] = [];
  items.forEach((raw, i) => {
    const where = `Item ${trail}${i + 1}`;
    if (!isObject(raw)) return void errors.push(`${where} is not an object.`);
    if (raw.type === "group") return void out.push(...choiceItems(raw.item, errors, `${trail}${i + 1}.`));
    if (raw.type === "display") return;
    if (raw.type !== "choice" && raw.type !== "coding")
      return void errors.push(`${where} (${String(raw.linkId ?? "no linkId")}) is a "${String(raw.type)}" question; only choice items can be scored.`);
    out.push({ ...raw, where });
  });
  return out;
}

function optionOf(raw: unknown, where: string, errors: string[]): { value: number; label: string } | null {
  if (!isObject(raw)) {
    errors.push(`${where} is not an object.`);
    return null;
  }
  const ordinal = valueOf(find(raw, ORDINAL_VALUE_URL) ?? find(raw, ITEM_WEIGHT_URL));
  const coding = isObject(raw.valueCoding) ? raw.valueCoding : null;
  const label = coding ? (coding.display ?? coding.code) : (raw.valueString ?? raw.valueInteger);
  const value = typeof ordinal === "number" ? ordinal : typeof raw.valueInteger === "number" ? raw.valueInteger : null;
  if (value === null) {
    errors.push(`${where} has no score: give it an ordinalValue (or itemWeight) extension with a number.`);
    return null;
  }
  return { value, label: label === undefined || label === null ? String(value) : String(label) };
}

function toDefinitionInput(q: Json, errors: string[]): MeasureDefinitionInput {
  const scoring = find(q, MEND_SCORING_URL);
  if (!scoring) errors.push(`The Questionnaire has no scoring extension (${MEND_SCORING_URL}): it must say the scoring rule and direction.`);
  const part = (name: string) => (scoring ? valueOf(findAll(scoring, name)[0]) : undefined);
  const key = slug(q.name) ?? slug(q.id);
  if (!key) errors.push('The Questionnaire needs a "name" or an "id" to tell it apart from other measures.');

  const items = choiceItems(q.item, errors).map((item) => {
    const where = `${String(item.where)} (${String(item.linkId ?? "no linkId")})`;
    const options = (Array.isArray(item.answerOption) ? item.answerOption : [])
      .map((o, j) => optionOf(o, `${where}, option ${j + 1}`, errors))
      .filter((o): o is { value: number; label: string } => o !== null);
    if (!Array.isArray(item.answerOption)) errors.push(`${where} lists no answer options.`);
    const reverse = valueOf(find(item, MEND_REVERSE_KEYED_URL));
    const subscale = valueOf(find(item, MEND_SUBSCALE_URL));
    return {
      id: typeof item.linkId === "string" ? item.linkId : "",
      text: typeof item.text === "string" ? item.text : "",
      options,
      reverseKeyed: reverse === true,
      ...(typeof subscale === "string" ? { subscale } : {}),
    };
  });

  const subscales = scoring
    ? findAll(scoring, "subscale").map((s) => ({ id: String(valueOf(findAll(s, "id")[0]) ?? ""), title: String(valueOf(findAll(s, "title")[0]) ?? "") }))
    : [];
  const sd = part("normativeSd");
  const reliability = part("reliability");
  const threshold = part("reliableChange");
  const direction = part("direction");
  const cutOff = part("cutOff");
  return {
    key: key ?? "",
    version: 1,
    title: typeof q.title === "string" ? q.title : typeof q.name === "string" ? q.name : "",
    ...(typeof q.description === "string" ? { instructions: q.description.slice(0, 500) } : {}),
    ...(typeof q.copyright === "string" ? { copyright: q.copyright.slice(0, 500) } : {}),
    source: "imported",
    validated: part("validated") === true,
    items,
    scoring: { rule: part("rule") as "sum", subscales },
    direction: (direction === "higher-is-better" ? "higher_is_better" : direction === "higher-is-worse" ? "higher_is_worse" : direction) as "higher_is_better",
    ...(cutOff !== undefined ? { cutOff: cutOff as number } : {}),
    ...(threshold !== undefined
      ? { reliableChange: { threshold: threshold as number } }
      : sd !== undefined || reliability !== undefined
        ? { reliableChange: { normativeSd: sd as number, reliability: reliability as number } }
        : {}),
  };
}

/** A schema problem in the words of the file: item numbers and linkIds, not array paths. */
function describeIssue(issue: z.core.$ZodIssue, input: MeasureDefinitionInput): string {
  const [head, index, field] = issue.path;
  if (head === "items" && typeof index === "number") {
    const item = input.items[index];
    const name = `Item ${index + 1} (${item?.id || "no linkId"})`;
    if (issue.code === "custom") return `${name}: ${issue.message}`;
    if (field === "id") return `${name}: its linkId ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`;
    if (field === "text") return `${name}: its text ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`;
    return `${name}: ${issue.message}`;
  }
  const names: Record<string, string> = {
    key: "The Questionnaire's name",
    title: "The Questionnaire's title",
    scoring: "The scoring rule",
    direction: "The direction",
    cutOff: "The cut-off",
    reliableChange: "The reliable change",
    items: "The items",
    validated: "The validated flag",
  };
  const label = names[String(head)];
  return label && !issue.message.startsWith("The ") && !issue.message.startsWith("A ") ? `${label}: ${issue.message}` : issue.message;
}
