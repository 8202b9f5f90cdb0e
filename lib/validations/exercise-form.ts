import type { FieldSpec } from "@/lib/program";

/** Form control names: `answer.<field>` and, for list rows, `answer.<field>.<row>.<item>`. */
export function controlName(path: (string | number)[]): string {
  return ["answer", ...path].join(".");
}

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * Turns a generated exercise form's FormData into the answer object its kind's schema checks.
 * Values stay strings (the schemas turn numerals into numbers); list rows left wholly blank are
 * dropped, so an extra empty row is not an error.
 */
export function formDataToAnswer(fields: FieldSpec[], formData: FormData): Record<string, unknown> {
  const answer: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.kind !== "list") {
      answer[field.name] = text(formData, controlName([field.name]));
      continue;
    }
    const prefix = `${controlName([field.name])}.`;
    const indices = new Set<number>();
    for (const key of formData.keys()) {
      if (!key.startsWith(prefix)) continue;
      const index = Number(key.slice(prefix.length).split(".")[0]);
      if (Number.isInteger(index) && index >= 0 && index < 200) indices.add(index);
    }
    const rows = [...indices]
      .sort((a, b) => a - b)
      .map((i) => Object.fromEntries((field.itemFields ?? []).map((item) => [item.name, text(formData, controlName([field.name, i, item.name]))])))
      .filter((row) => Object.values(row).some((v) => v.trim() !== ""));
    answer[field.name] = rows;
  }
  return answer;
}
