import type { MeasureDefinitionInput } from "@/lib/measures/definition";

/**
 * A four-item relationship-satisfaction instrument with the CSI-4's published scoring facts
 * (item 1 scored 0–6, items 2–4 scored 0–5, summed: 0–21; distressed below 13.5) and
 * placeholder wording: the instrument's own wording is licensed and is not kept here.
 * The reliable-change figures are illustrative (SD 4, r .9), not a published claim.
 */
export function csi4Like(): MeasureDefinitionInput {
  const scale = (top: number) => Array.from({ length: top + 1 }, (_, v) => ({ value: v, label: `Placeholder option ${v}` }));
  return {
    key: "csi4-fixture",
    version: 1,
    title: "Four-item satisfaction fixture",
    source: "imported",
    validated: true,
    items: [
      { id: "q1", text: "Placeholder item one", options: scale(6) },
      { id: "q2", text: "Placeholder item two", options: scale(5) },
      { id: "q3", text: "Placeholder item three", options: scale(5) },
      { id: "q4", text: "Placeholder item four", options: scale(5) },
    ],
    scoring: { rule: "sum" },
    direction: "higher_is_better",
    cutOff: 13.5,
    reliableChange: { normativeSd: 4, reliability: 0.9 },
  };
}
