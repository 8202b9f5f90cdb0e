import type { FieldSpec } from "./fields";
import type { Visibility } from "./visibility";
import type { z } from "zod";

/**
 * One exercise kind as its file declares it: what partners and counsellors are told, who sees
 * an answer, how it behaves, and how its answer is checked. The data layer reads these
 * properties and never compares kind ids. Which step brings the kind is said once, in
 * `steps.ts`; the registry adds it as `step`.
 */
export type KindDefinition<Id extends string = string, S extends z.ZodType = z.ZodType> = {
  /** Stored as plain text in the database: renaming one would orphan stored answers. */
  id: Id;
  title: string;
  /** One or two sentences for partners. */
  summary: string;
  counsellorNote: string;
  defaultVisibility: Visibility;
  /** When true the partner cannot change the visibility. */
  visibilityLocked: boolean;
  /** Locked to counsellor-only: the other partner never sees any answer of this kind. */
  counsellorOnly: boolean;
  /** When true, neither partner sees the other's answer for an occurrence until both have answered. */
  revealWhenBothAnswered: boolean;
  /** False for kinds with their own screens and tables (check-ins, promises, agreements); they are not assigned as exercises. */
  assignable: boolean;
  /** Private work a partner may still do while joint work is on hold after a safety concern. */
  allowedDuringHold: boolean;
  /** Once sent, the writer's own answer is not shown back either, so a glance at their phone reveals nothing. */
  sealedOnceSent: boolean;
  /** Form description, in the order the fields are shown; same names and rules as `schema`. */
  fields: FieldSpec[];
  schema: S;
  /** For a screening kind: true when a sent, validated answer should raise a safety concern. */
  raisesSafetyConcern?(answer: z.output<S>): boolean;
  /**
   * For a screening kind: the names of the fields whose answers are worrying, in the form's
   * order (empty when none is), so a counsellor reads the screen with those answers marked.
   */
  concerningFields?(answer: z.output<S>): string[];
  /** For a kind with a question of the day: the question both partners answer for a `yyyy-mm-dd` date. */
  questionFor?(date: string): string;
};

type KindInput<Id extends string, S extends z.ZodType> = Omit<
  KindDefinition<Id, S>,
  "counsellorOnly" | "visibilityLocked" | "revealWhenBothAnswered" | "allowedDuringHold" | "sealedOnceSent" | "fields" | "schema"
> & {
  /** The answer, from `defineAnswer`. */
  answer: { fields: FieldSpec[]; schema: S };
  visibilityLocked?: boolean;
  revealWhenBothAnswered?: boolean;
  allowedDuringHold?: boolean;
  sealedOnceSent?: boolean;
};

/**
 * Declares an exercise kind. Behaviour flags left out are false: a new kind is joint work,
 * held while a safety concern is open, shown as soon as it is sent, with a visibility the
 * partner may change.
 */
export function defineKind<const Id extends string, S extends z.ZodType>(input: KindInput<Id, S>): KindDefinition<Id, S> {
  const { answer, ...rest } = input;
  const visibilityLocked = input.visibilityLocked ?? false;
  return {
    ...rest,
    visibilityLocked,
    counsellorOnly: visibilityLocked && input.defaultVisibility === "counsellor_only",
    revealWhenBothAnswered: input.revealWhenBothAnswered ?? false,
    allowedDuringHold: input.allowedDuringHold ?? false,
    sealedOnceSent: input.sealedOnceSent ?? false,
    fields: answer.fields,
    schema: answer.schema,
  };
}
