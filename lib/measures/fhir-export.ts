import { scoreMeasure, type MeasureAnswers } from "@/lib/metrics/measures";
import { MEND_REVERSE_KEYED_URL, MEND_SCORING_URL, MEND_SUBSCALE_URL, ORDINAL_VALUE_URL } from "./fhir";
import type { MeasureDefinition } from "./definition";

/**
 * Writing a couple's measure answers as FHIR R4 `QuestionnaireResponse` resources in one
 * `collection` Bundle, for a counsellor to take to another system. The answer's score rides in
 * Mend's score extension; each chosen option carries its ordinal value, as on import.
 */

/** On a QuestionnaireResponse: `valueDecimal`, the total score under the measure's own rule. */
export const MEND_SCORE_URL = "urn:mend:fhir:score";
/** Identifier system for a partner (Mend keeps no FHIR Patient resources). */
export const MEND_PARTNER_SYSTEM = "urn:mend:partner";

/** The canonical reference of one version of a measure. */
export function measureCanonical(m: Pick<MeasureDefinition, "key" | "version">): string {
  return `urn:mend:measure:${m.key}|${m.version}`;
}

export type ExportedResponse = {
  id: string;
  partnerId: string;
  partnerName: string;
  /** When the partner sent the answer (an ISO instant). */
  submittedAt: string;
  answers: MeasureAnswers;
  definition: MeasureDefinition;
};

export function toQuestionnaireResponse(r: ExportedResponse) {
  const { definition: m } = r;
  return {
    resourceType: "QuestionnaireResponse" as const,
    id: r.id,
    status: "completed" as const,
    questionnaire: measureCanonical(m),
    subject: { identifier: { system: MEND_PARTNER_SYSTEM, value: r.partnerId }, display: r.partnerName },
    authored: r.submittedAt,
    extension: [{ url: MEND_SCORE_URL, valueDecimal: scoreMeasure(m, r.answers).total }],
    item: m.items.map((item) => {
      const value = r.answers[item.id]!;
      const option = item.options.find((o) => o.value === value)!;
      return {
        linkId: item.id,
        text: item.text,
        answer: [
          {
            valueCoding: { code: String(value), display: option.label },
            extension: [{ url: ORDINAL_VALUE_URL, valueDecimal: value }],
          },
        ],
      };
    }),
  };
}

/** A `collection` Bundle of the responses, oldest first. */
export function toResponseBundle(responses: ExportedResponse[], timestamp: string) {
  const sorted = [...responses].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  return {
    resourceType: "Bundle" as const,
    type: "collection" as const,
    timestamp,
    entry: sorted.map((r) => ({ fullUrl: `urn:uuid:${r.id}`, resource: toQuestionnaireResponse(r) })),
  };
}

/**
 * A measure as a FHIR Questionnaire that {@link importQuestionnaire} reads back to the same
 * definition: how a clinic takes Mend's own measures elsewhere, and how the import is tested.
 */
export function toQuestionnaire(m: MeasureDefinition) {
  const rc = m.reliableChange;
  const scoring = [
    { url: "rule", valueCode: m.scoring.rule },
    { url: "direction", valueCode: m.direction === "higher_is_better" ? "higher-is-better" : "higher-is-worse" },
    { url: "validated", valueBoolean: m.validated },
    ...(m.cutOff !== undefined ? [{ url: "cutOff", valueDecimal: m.cutOff }] : []),
    ...(rc && "threshold" in rc ? [{ url: "reliableChange", valueDecimal: rc.threshold }] : []),
    ...(rc && "normativeSd" in rc
      ? [
          { url: "normativeSd", valueDecimal: rc.normativeSd },
          { url: "reliability", valueDecimal: rc.reliability },
        ]
      : []),
    ...m.scoring.subscales.map((s) => ({
      url: "subscale",
      extension: [
        { url: "id", valueString: s.id },
        { url: "title", valueString: s.title },
      ],
    })),
  ];
  return {
    resourceType: "Questionnaire" as const,
    id: m.key,
    name: m.key,
    url: `urn:mend:measure:${m.key}`,
    version: String(m.version),
    title: m.title,
    status: "active" as const,
    ...(m.instructions ? { description: m.instructions } : {}),
    ...(m.copyright ? { copyright: m.copyright } : {}),
    extension: [{ url: MEND_SCORING_URL, extension: scoring }],
    item: m.items.map((item) => ({
      linkId: item.id,
      text: item.text,
      type: "choice" as const,
      required: true,
      extension: [
        ...(item.reverseKeyed ? [{ url: MEND_REVERSE_KEYED_URL, valueBoolean: true }] : []),
        ...(item.subscale ? [{ url: MEND_SUBSCALE_URL, valueString: item.subscale }] : []),
      ],
      answerOption: item.options.map((o) => ({
        valueCoding: { code: String(o.value), display: o.label },
        extension: [{ url: ORDINAL_VALUE_URL, valueDecimal: o.value }],
      })),
    })),
  };
}
