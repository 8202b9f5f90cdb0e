import { z } from "zod";
import { STEP_DEFINITIONS, getStep } from "../steps";
import type { KindDefinition } from "../define-kind";

/**
 * The registry of exercise kinds, read from the steps that list them: a kind is registered by
 * naming it in its step in `steps.ts`, and takes that step's number.
 */

type DefinedKind = (typeof STEP_DEFINITIONS)[number]["kinds"][number];

/** The id of a registered exercise kind. */
export type ExerciseKindId = DefinedKind["id"];

type SchemaOf<K extends ExerciseKindId> = Extract<DefinedKind, { id: K }>["schema"];

/** A validated (parsed) answer of kind `K`. Optional text left blank is absent, never "". */
export type ExerciseAnswer<K extends ExerciseKindId = ExerciseKindId> = z.output<SchemaOf<K>>;

/** One registered exercise kind: its declaration plus the program step (1–10) that brings it. */
export type ExerciseKind<K extends ExerciseKindId = ExerciseKindId> = KindDefinition<K, z.ZodType<ExerciseAnswer<K>>> & {
  step: number;
};

/**
 * Every exercise kind, in program order. Stored as plain text in the database
 * (`assignments.exercise_kind`, `exercise_responses.exercise_kind`), so adding a kind needs no
 * migration — but renaming one would orphan stored answers.
 */
export const EXERCISE_KIND_IDS: readonly ExerciseKindId[] = STEP_DEFINITIONS.flatMap((step) => step.kinds.map((kind) => kind.id));

/** Every exercise kind, keyed by id. */
export const EXERCISE_KINDS = Object.fromEntries(
  STEP_DEFINITIONS.flatMap((step) => step.kinds.map((kind) => [kind.id, { ...kind, step: step.number }])),
) as unknown as { readonly [K in ExerciseKindId]: ExerciseKind<K> };

/** Per-kind answer schemas with their precise types; {@link EXERCISE_KINDS} holds the same objects. */
export const ANSWER_SCHEMAS = Object.fromEntries(EXERCISE_KIND_IDS.map((id) => [id, EXERCISE_KINDS[id].schema])) as unknown as {
  readonly [K in ExerciseKindId]: SchemaOf<K>;
};

/** The exercise kind with this id, or undefined for anything else (safe for untrusted strings). */
export function getExerciseKind(id: string): ExerciseKind | undefined {
  // hasOwn keeps names like "constructor" or "__proto__" from resolving to prototype members.
  return Object.hasOwn(EXERCISE_KINDS, id) ? EXERCISE_KINDS[id as ExerciseKindId] : undefined;
}

/**
 * The fields of a stored answer the kind finds worrying, in the form's order: empty for a kind
 * with no such rule, or an answer its schema no longer accepts.
 */
export function concerningFieldsOf(kind: ExerciseKind, payload: unknown): string[] {
  if (!kind.concerningFields) return [];
  const parsed = kind.schema.safeParse(payload);
  // Each kind's rule takes its own answer type; the schema has just checked this one.
  return parsed.success ? (kind.concerningFields as (answer: unknown) => string[])(parsed.data) : [];
}

/** The ids of the kinds that have a property, in program order: how data code names kinds without spelling an id. */
export function exerciseKindIdsWhere(test: (kind: ExerciseKind) => boolean): ExerciseKindId[] {
  return EXERCISE_KIND_IDS.filter((id) => test(EXERCISE_KINDS[id]));
}

/**
 * The kinds a counsellor can assign as exercises at `step` (empty for an unknown step).
 * Check-ins, promises and agreements are left out: they have their own screens.
 */
export function assignableKindsForStep(step: number): ExerciseKind[] {
  return (getStep(step)?.exerciseKinds ?? []).map((id): ExerciseKind => EXERCISE_KINDS[id]).filter((k) => k.assignable);
}

/**
 * Validates an answer for `kind`. Returns zod's safe-parse result; on success `data` is the
 * cleaned answer (strings trimmed, blank optional fields removed, unknown keys dropped) —
 * store `data`, not the raw payload. An unknown kind (for example from a tampered form) fails
 * with a single root issue rather than throwing.
 */
export function parseAnswer<K extends ExerciseKindId>(kind: K, payload: unknown): z.ZodSafeParseResult<ExerciseAnswer<K>> {
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
