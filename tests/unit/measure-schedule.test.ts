import { describe, expect, it } from "vitest";
import { isOccasion, latestOccasion, nextOccasion } from "@/lib/measures/schedule";
import { measureScheduleSchema } from "@/lib/validations/measures";

// 2026-03-02 is a Monday; every two weeks gives 03-02, 03-16, 03-30, 04-13 …
const fortnightly = { startsOn: "2026-03-02", everyWeeks: 2, endsOn: null };
const ending = { startsOn: "2026-03-02", everyWeeks: 2, endsOn: "2026-04-08" };

describe("measure occasions", () => {
  it("are the start day and every N weeks after it", () => {
    expect(isOccasion(fortnightly, "2026-03-02")).toBe(true);
    expect(isOccasion(fortnightly, "2026-03-16")).toBe(true);
    expect(isOccasion(fortnightly, "2026-03-09")).toBe(false);
    expect(isOccasion(fortnightly, "2026-02-16")).toBe(false);
    expect(isOccasion({ ...fortnightly, everyWeeks: 1 }, "2026-03-09")).toBe(true);
  });

  it("include the end day off the rhythm, and nothing after it", () => {
    expect(isOccasion(ending, "2026-04-08")).toBe(true);
    expect(isOccasion(ending, "2026-03-30")).toBe(true);
    expect(isOccasion(ending, "2026-04-13")).toBe(false);
  });

  it("due now is the latest occasion on or before today", () => {
    expect(latestOccasion(fortnightly, "2026-03-01")).toBeNull();
    expect(latestOccasion(fortnightly, "2026-03-02")).toBe("2026-03-02");
    expect(latestOccasion(fortnightly, "2026-03-15")).toBe("2026-03-02");
    expect(latestOccasion(fortnightly, "2026-03-16")).toBe("2026-03-16");
    expect(latestOccasion(ending, "2026-04-07")).toBe("2026-03-30");
    expect(latestOccasion(ending, "2026-04-08")).toBe("2026-04-08");
    expect(latestOccasion(ending, "2026-06-01")).toBe("2026-04-08");
  });

  it("the next occasion follows the rhythm, then the end day, then none", () => {
    expect(nextOccasion(fortnightly, "2026-02-20")).toBe("2026-03-02");
    expect(nextOccasion(fortnightly, "2026-03-02")).toBe("2026-03-16");
    expect(nextOccasion(ending, "2026-03-31")).toBe("2026-04-08");
    expect(nextOccasion(ending, "2026-04-08")).toBeNull();
  });
});

describe("a schedule as the counsellor's form sends it", () => {
  const schema = measureScheduleSchema("2026-03-02");

  it("names each unreadable field rather than failing on the dates it could not read", () => {
    const result = schema.safeParse({ measureKey: "mend-trust-check", everyWeeks: "0", startsOn: "", endsOn: "2026-11-26" });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["everyWeeks", "startsOn"]));
    expect(fields).not.toContain("endsOn");
  });

  it("still refuses an end before the start, or more than two years after it", () => {
    const base = { measureKey: "mend-trust-check", everyWeeks: "2", startsOn: "2026-03-10" };
    expect(schema.safeParse({ ...base, endsOn: "2026-03-09" }).error?.issues.map((i) => i.path.join("."))).toEqual(["endsOn"]);
    expect(schema.safeParse({ ...base, endsOn: "2099-01-01" }).error?.issues.map((i) => i.path.join("."))).toEqual(["endsOn"]);
    expect(schema.parse({ ...base, endsOn: "" })).toMatchObject({ everyWeeks: 2, startsOn: "2026-03-10", endsOn: null });
  });
});

describe("the measure a schedule names", () => {
  it("is a measure key or a field error, never a NUL byte or other stray characters", () => {
    const schema = measureScheduleSchema("2026-03-02");
    for (const measureKey of ["\u0000", "mend-trust-check\u0000", "a b", "<script>"]) {
      const result = schema.safeParse({ measureKey, everyWeeks: "2", startsOn: "2026-03-10" });
      expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["measureKey", "Choose one of the clinic's measures."]]);
    }
    expect(schema.parse({ measureKey: " csi-4 ", everyWeeks: "2", startsOn: "2026-03-10" }).measureKey).toBe("csi-4");
  });
});
