import {
  EXERCISE_KINDS,
  isSafetyConcern,
  parseAnswer,
  type ExerciseKindId,
  type FieldSpec,
  type SafetyScreenAnswer,
} from "@/lib/program";
import { FIELD_ANSWERS, PLANS, PROMISES, REFLECTIONS, TRIGGERS } from "./copy";
import type { Faker } from "@faker-js/faker";

/**
 * Each open question gets an answer written for it rather than a sentence that could answer
 * anything. The reflections are still drawn as before (same random draws), so the rest of the
 * demo stays exactly as it was; the draw only picks which written answer is used.
 */
function answerFor(fieldName: string, drawn: string[]): string {
  const written = FIELD_ANSWERS[fieldName];
  if (!written) return drawn.join(" ");
  return written[REFLECTIONS.indexOf(drawn[0]!) % written.length]!;
}

/** Made-up answer for an exercise kind, built from its field descriptions and checked by its schema. */
export function makeAnswer(faker: Faker, kind: ExerciseKindId, day: string): Record<string, unknown> {
  const fill = (field: FieldSpec): unknown => {
    switch (field.kind) {
      case "text":
        return field.name.toLowerCase().includes("trigger")
          ? faker.helpers.arrayElement(TRIGGERS)
          : faker.helpers.arrayElement(PROMISES);
      case "textarea":
        if (kind === "trigger_map" || field.name.toLowerCase().includes("plan")) return faker.helpers.arrayElement(PLANS);
        return answerFor(field.name, kind === "daily_sharing" ? [faker.helpers.arrayElement(REFLECTIONS)] : faker.helpers.arrayElements(REFLECTIONS, { min: 1, max: 2 }));
      case "choice":
        return faker.helpers.arrayElement(field.options ?? [{ value: "", label: "" }]).value;
      case "rating":
        return faker.number.int({ min: field.min ?? 0, max: field.max ?? 10 });
      case "date":
        return day;
      case "list":
        return Array.from({ length: faker.number.int({ min: 1, max: Math.min(3, field.maxItems ?? 3) }) }, () =>
          Object.fromEntries((field.itemFields ?? []).map((f) => [f.name, fill(f)])),
        );
    }
  };
  const payload = Object.fromEntries(EXERCISE_KINDS[kind].fields.map((f) => [f.name, fill(f)]));
  const parsed = parseAnswer(kind, payload);
  if (!parsed.success) throw new Error(`demo answer for ${kind} does not validate: ${parsed.error.message}`);
  return parsed.data as Record<string, unknown>;
}

/** A made-up safety screen that does, or does not, raise a concern. */
export function makeSafetyAnswer(faker: Faker, concerning: boolean, day: string): Record<string, unknown> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const answer = makeAnswer(faker, "safety_screen", day);
    if (isSafetyConcern(answer as SafetyScreenAnswer) === concerning) return answer;
  }
  // Choose the first option of every question ("never" / "yes" style) when chance does not oblige.
  const safe = Object.fromEntries(
    EXERCISE_KINDS.safety_screen.fields.filter((f) => f.kind === "choice").map((f) => [f.name, f.options![0]!.value]),
  );
  return parseAnswer("safety_screen", safe).data as Record<string, unknown>;
}
