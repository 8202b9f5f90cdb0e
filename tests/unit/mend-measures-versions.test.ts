import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MEND_MEASURES } from "@/lib/measures/mend-measures";

/**
 * A database keeps every version of Mend's measures it was given, and never rewrites one (answers
 * were given under it). So a change to a measure's words or scoring must come with a new version
 * number; these fingerprints catch a change made under an old number. When a measure changes on
 * purpose, give it the next version and add its fingerprint here, keeping the old ones.
 */
const FINGERPRINTS: Record<string, string> = {
  "mend-trust-check@1": "d9ae973f509cd28b",
  "mend-relationship-check@1": "8c205aadf8e8f9c5",
};

describe("Mend's own measures", () => {
  it("change only under a new version number", () => {
    for (const m of MEND_MEASURES) {
      const id = `${m.key}@${m.version}`;
      const fingerprint = createHash("sha256").update(JSON.stringify(m)).digest("hex").slice(0, 16);
      expect(FINGERPRINTS[id], `${id} changed: give it the next version and add its fingerprint`).toBe(fingerprint);
    }
  });

  it("are two short questionnaires that claim no validity, cut-off or reliable change", () => {
    expect(MEND_MEASURES).toHaveLength(2);
    for (const m of MEND_MEASURES) {
      expect(m).toMatchObject({ source: "mend", validated: false });
      expect(m.cutOff).toBeUndefined();
      expect(m.reliableChange).toBeUndefined();
      expect(m.items.length).toBeLessThanOrEqual(6);
    }
  });
});
