/** Fields whose text is never handed back to the browser in a form state: passwords and one-time link tokens. */
const SECRET_FIELDS = new Set(["password", "confirm", "current", "token"]);

/** More list rows than any form of Mend shows: a larger index is not a row of ours. */
const MAX_ROW_INDEX = 200;

const UNSAFE_KEYS = new Set(["__proto__", "prototype", "constructor"]);

/**
 * A form's text fields as sent, minus Next's own `$ACTION…` fields and any password. This is what
 * a refused form shows again, so nothing typed is lost.
 */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION") || SECRET_FIELDS.has(key)) continue;
    values[key] = value;
  }
  return values;
}

/**
 * A form's text fields as the object its zod schema reads. Dotted names nest, and numeric parts
 * make list rows: `partners.0.email` becomes `{ partners: [{ email }] }`. Files are left out;
 * a repeated name keeps its last value (no form of Mend repeats a name).
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    setPath(out, key.split("."), value);
  }
  return out;
}

function isIndex(part: string): boolean {
  return /^\d{1,3}$/.test(part) && Number(part) < MAX_ROW_INDEX;
}

function setPath(target: Record<string, unknown>, parts: string[], value: string): void {
  // A crafted name must not reach Object.prototype, nor make a sparse array of a million rows.
  if (parts.some((p) => UNSAFE_KEYS.has(p) || p === "" || (/^\d+$/.test(p) && !isIndex(p)))) return;
  let node: Record<string, unknown> | unknown[] = target;
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    const key = Array.isArray(node) ? (isIndex(part) ? Number(part) : null) : part;
    if (key === null) return;
    const container = node as Record<string | number, unknown>;
    if (last) {
      container[key] = value;
      return;
    }
    const wantArray = isIndex(parts[i + 1]!);
    const existing = container[key];
    if (existing === undefined || typeof existing === "string" || Array.isArray(existing) !== wantArray) {
      container[key] = wantArray ? [] : {};
    }
    node = container[key] as Record<string, unknown> | unknown[];
  }
}
