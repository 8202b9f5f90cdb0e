import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "@/lib/actions/field-errors";
import { EXERCISE_KINDS, parseAnswer, type ExerciseKindId, type FieldSpec } from "@/lib/program";
import { agreementInputSchema } from "@/lib/validations/agreements";
import { checkInFormSchema } from "@/lib/validations/check-in";
import { controlName, formDataToAnswer } from "@/lib/validations/exercise-form";

function validValue(field: FieldSpec): string {
  switch (field.kind) {
    case "choice":
      return field.options![0]!.value;
    case "rating":
      return "5";
    case "date":
      return "2030-01-01T10:00";
    default:
      return "Some words";
  }
}

/** A filled-in form for a kind, as the browser would send it. */
function filledForm(fields: FieldSpec[], override: (field: FieldSpec, path: (string | number)[]) => string | undefined = () => undefined): FormData {
  const form = new FormData();
  for (const field of fields) {
    if (field.kind === "list") {
      for (const item of field.itemFields ?? []) {
        const path = [field.name, 0, item.name];
        form.set(controlName(path), override(item, path) ?? validValue(item));
      }
      // A second, wholly blank row: dropped, not an error.
      for (const item of field.itemFields ?? []) form.set(controlName([field.name, 1, item.name]), "");
    } else {
      form.set(controlName([field.name]), override(field, [field.name]) ?? validValue(field));
    }
  }
  return form;
}

const kinds = (Object.keys(EXERCISE_KINDS) as ExerciseKindId[]).filter((k) => EXERCISE_KINDS[k].assignable);

describe("every assignable exercise kind, through its generated form", () => {
  it.each(kinds)("%s: a filled-in form is a valid answer", (kind) => {
    const fields = EXERCISE_KINDS[kind].fields;
    const answer = formDataToAnswer(fields, filledForm(fields));
    const parsed = parseAnswer(kind, answer);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    for (const field of fields.filter((f) => f.kind === "list")) {
      expect((parsed.data as Record<string, unknown[]>)[field.name]).toHaveLength(1);
    }
  });

  it.each(kinds)("%s: blank required fields are refused, each beside its own field", (kind) => {
    const fields = EXERCISE_KINDS[kind].fields;
    const parsed = parseAnswer(kind, formDataToAnswer(fields, filledForm(fields, (f) => (f.required ? "" : undefined))));
    expect(parsed.success).toBe(false);
    const paths = Object.keys(zodFieldErrors(parsed.error!));
    for (const field of fields.filter((f) => f.required)) {
      // A list with every row blank has no rows: the list itself is missing.
      expect(paths).toContain(field.name);
    }
  });

  it.each(kinds)("%s: over-long text and out-of-range ratings are refused with a clear limit", (kind) => {
    const fields = EXERCISE_KINDS[kind].fields;
    const parsed = parseAnswer(
      kind,
      formDataToAnswer(
        fields,
        filledForm(fields, (f) => (f.kind === "rating" ? "11" : f.kind === "text" || f.kind === "textarea" ? "x".repeat(50_000) : undefined)),
      ),
    );
    expect(parsed.success).toBe(false);
    const messages = parsed.error!.issues.map((i) => i.message).join(" ");
    expect(messages).toMatch(/characters or fewer|from 0 to 10/);
  });
});

describe("check-in form", () => {
  const ok = { trust: "7", closeness: "6", mood: "good", contact: "none_agreed", note: "", noteVisibility: "counsellor_only", date: "2026-03-01" };
  it("accepts a whole check-in and reads blank note as none", () => {
    const parsed = checkInFormSchema.safeParse(ok);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.note).toBeUndefined();
    expect(parsed.data?.trust).toBe(7);
  });
  it("refuses ratings outside 0–10, a sixth mood and a 50,000-character note", () => {
    for (const bad of [{ trust: "11" }, { closeness: "-1" }, { trust: "4.5" }, { mood: "ecstatic" }, { contact: "maybe" }, { note: "x".repeat(50_000) }]) {
      expect(checkInFormSchema.safeParse({ ...ok, ...bad }).success, JSON.stringify(bad).slice(0, 40)).toBe(false);
    }
    const long = checkInFormSchema.safeParse({ ...ok, note: "x".repeat(2001) });
    expect(long.error?.issues[0]?.message).toBe("Please keep this to 2,000 characters or fewer.");
  });
});

describe("agreement form", () => {
  it("takes an optional frequency of 1 to 7 days a week", () => {
    expect(agreementInputSchema.parse({ title: "Calls", checkInsPerWeek: "" }).checkInsPerWeek).toBeUndefined();
    expect(agreementInputSchema.parse({ title: "Calls", checkInsPerWeek: "3" }).checkInsPerWeek).toBe(3);
    expect(agreementInputSchema.safeParse({ title: "Calls", checkInsPerWeek: "0" }).success).toBe(false);
    expect(agreementInputSchema.safeParse({ title: "", checkInsPerWeek: "3" }).success).toBe(false);
  });
});
