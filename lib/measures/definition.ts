import { z } from "zod";
import { hasNoNul, NUL_REFUSED } from "@/lib/program/fields";

/**
 * A standardised measure as data: its items, the scored value of every answer option, which
 * items are reverse-keyed, how the items add up, its range and direction, and (for published
 * instruments only) a clinical cut-off and a reliable-change threshold.
 *
 * A definition is versioned: a measure whose wording or scoring changes is stored as a new
 * version, and answers keep the version they were given under, so an old score is never
 * re-read with new rules.
 */

/** Longest item wording we keep (instruments' items are one sentence). */
export const MEASURE_TEXT_MAX = 500;
/** Most items one measure may have: a couple answers it on a phone, in about a minute. */
export const MEASURE_MAX_ITEMS = 40;
/** Most answer options one item may have. */
export const MEASURE_MAX_OPTIONS = 11;

/** The z score of a two-sided 95 % interval, as in Jacobson and Truax's reliable change index. */
export const RELIABLE_CHANGE_Z = 1.96;

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: "This cannot be empty." })
    .max(max, { error: `Keep this under ${max} characters.` })
    .refine(hasNoNul, { error: NUL_REFUSED });

const id = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { error: "Use letters, digits, dots, dashes or underscores (up to 64)." });

const finite = z.number({ error: "This must be a number." }).refine(Number.isFinite, { error: "This must be a finite number." });

export const measureOptionSchema = z.object({
  /** The option's scored value (an ordinal value in FHIR). */
  value: finite,
  label: text(200),
});

export const measureItemSchema = z.object({
  id,
  text: text(MEASURE_TEXT_MAX),
  options: z
    .array(measureOptionSchema)
    .min(2, { error: "An item needs at least two answer options." })
    .max(MEASURE_MAX_OPTIONS, { error: `An item may have at most ${MEASURE_MAX_OPTIONS} answer options.` }),
  /** Scored as (lowest + highest option value) − value, so agreeing with a negative item counts against. */
  reverseKeyed: z.boolean().default(false),
  /** The subscale this item belongs to, if the measure has subscales. */
  subscale: id.optional(),
});

const reliableChangeSchema = z.union([
  z.object({ threshold: finite.refine((v) => v > 0, { error: "The reliable-change threshold must be above 0." }) }),
  z.object({
    normativeSd: finite.refine((v) => v > 0, { error: "The normative standard deviation must be above 0." }),
    reliability: finite.refine((v) => v > 0 && v < 1, { error: "The reliability must be between 0 and 1." }),
  }),
]);

export const measureDefinitionSchema = z
  .object({
    /** Stable across versions; stored with every answer. */
    key: id,
    version: z.number().int().min(1),
    title: text(120),
    /** Shown to partners above the items. */
    instructions: text(MEASURE_TEXT_MAX).optional(),
    /** "mend" for the measures written by us, "imported" for an instrument a clinic brought in. */
    source: z.enum(["mend", "imported"]),
    /** True only for a published, validated instrument: only those may claim a cut-off or reliable change. */
    validated: z.boolean(),
    /** Who holds the rights to the wording, as the clinic stated it when importing. */
    copyright: text(MEASURE_TEXT_MAX).optional(),
    items: z
      .array(measureItemSchema)
      .min(1, { error: "A measure needs at least one item." })
      .max(MEASURE_MAX_ITEMS, { error: `A measure may have at most ${MEASURE_MAX_ITEMS} items.` }),
    scoring: z.object({
      rule: z.enum(["sum", "mean"], { error: 'The scoring rule must be "sum" or "mean".' }),
      subscales: z.array(z.object({ id, title: text(120) })).default([]),
    }),
    direction: z.enum(["higher_is_better", "higher_is_worse"], {
      error: 'The direction must be "higher_is_better" or "higher_is_worse".',
    }),
    /** A score on the worse side of this value is in the clinical (distressed) range. */
    cutOff: finite.optional(),
    reliableChange: reliableChangeSchema.optional(),
  })
  // Runs even when a field above failed, so an imported file gets every problem in one list;
  // it therefore reads the value defensively.
  .superRefine(
    (m, ctx) => {
      const items = Array.isArray(m.items) ? m.items.filter((i) => typeof i === "object" && i !== null) : [];
      const subscales = Array.isArray(m.scoring?.subscales) ? m.scoring.subscales : [];
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: ["items", i, "id"], message: `Item id "${item.id}" is used twice.` });
        seen.add(item.id);
        const values = Array.isArray(item.options) ? item.options.map((o) => o?.value) : [];
        if (new Set(values).size !== values.length)
          ctx.addIssue({ code: "custom", path: ["items", i, "options"], message: `Item "${item.id}" gives two options the same score.` });
        if (item.subscale && !subscales.some((s) => s?.id === item.subscale))
          ctx.addIssue({ code: "custom", path: ["items", i, "subscale"], message: `Item "${item.id}" names an unknown subscale "${item.subscale}".` });
      });
      for (const [i, s] of subscales.entries()) {
        if (!items.some((item) => item.subscale === s?.id))
          ctx.addIssue({ code: "custom", path: ["scoring", "subscales", i], message: `Subscale "${s?.id}" has no items.` });
      }
      if (m.validated === false && (m.cutOff !== undefined || m.reliableChange !== undefined))
        ctx.addIssue({
          code: "custom",
          path: [m.cutOff !== undefined ? "cutOff" : "reliableChange"],
          message: "A measure that is not validated cannot claim a cut-off or a reliable-change threshold.",
        });
      if (m.source === "mend" && m.validated === true)
        ctx.addIssue({ code: "custom", path: ["validated"], message: "Mend's own measures are not validated instruments." });
      const scorable =
        items.length > 0 &&
        (m.scoring?.rule === "sum" || m.scoring?.rule === "mean") &&
        items.every((i) => Array.isArray(i.options) && i.options.length > 0 && i.options.every((o) => Number.isFinite(o?.value)));
      if (!scorable) return;
      const range = scoreRange({ items, scoring: m.scoring });
      if (typeof m.cutOff === "number" && !(m.cutOff > range.min && m.cutOff < range.max))
        ctx.addIssue({
          code: "custom",
          path: ["cutOff"],
          message: `The cut-off ${m.cutOff} is outside the measure's range (${range.min} to ${range.max}).`,
        });
      const rc = m.reliableChange;
      const threshold =
        rc && "threshold" in rc && Number.isFinite(rc.threshold)
          ? rc.threshold
          : rc && "normativeSd" in rc && Number.isFinite(rc.normativeSd) && rc.reliability > 0 && rc.reliability < 1
            ? reliableChangeThreshold(rc)
            : null;
      if (threshold !== null && threshold >= range.max - range.min)
        ctx.addIssue({
          code: "custom",
          path: ["reliableChange"],
          message: `A reliable change of ${round2(threshold)} is as wide as the whole range (${range.min} to ${range.max}).`,
        });
    },
    { when: () => true },
  );

export type MeasureItem = z.output<typeof measureItemSchema>;
export type MeasureDefinition = z.output<typeof measureDefinitionSchema>;
export type MeasureDefinitionInput = z.input<typeof measureDefinitionSchema>;
/** What scoring needs of a measure. */
export type ScoredShape = Pick<MeasureDefinition, "items" | "scoring">;

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Lowest and highest option value of one item (reverse keying keeps an item within them). */
export function itemRange(item: Pick<MeasureItem, "options">): { min: number; max: number } {
  const values = item.options.map((o) => o.value);
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** Item scores added up under the measure's rule: their sum, or their mean. */
export function combineScores(rule: "sum" | "mean", values: number[]): number {
  const sum = values.reduce((a, b) => a + b, 0);
  return rule === "sum" ? sum : sum / values.length;
}

/**
 * The lowest and highest total a measure can give: the items' lowest (highest) values added up,
 * or their mean for a mean-scored measure. The CSI-4 (item 1 scored 0–6, three items 0–5, summed)
 * gives 0 to 21.
 */
export function scoreRange(m: ScoredShape): { min: number; max: number } {
  const ranges = m.items.map(itemRange);
  return { min: combineScores(m.scoring.rule, ranges.map((r) => r.min)), max: combineScores(m.scoring.rule, ranges.map((r) => r.max)) };
}

/**
 * The smallest change between two scores that is unlikely (p < .05) to be measurement error:
 * given directly, or Jacobson and Truax's 1.96 × SD × √(2 × (1 − r)) from a normative standard
 * deviation and the measure's reliability. SD 10 and r .91 give 1.96 × 10 × √0.18 ≈ 8.32.
 */
export function reliableChangeThreshold(rc: NonNullable<MeasureDefinition["reliableChange"]>): number {
  if ("threshold" in rc) return rc.threshold;
  return RELIABLE_CHANGE_Z * rc.normativeSd * Math.sqrt(2 * (1 - rc.reliability));
}
