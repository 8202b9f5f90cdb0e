import { describe, expect, it } from "vitest";
import { z } from "zod";
import { assignmentSchema } from "@/lib/validations/assignments";

const today = "2026-03-10";
const valid = {
  step: "1",
  exerciseKind: "disclosure_worksheet",
  forUserId: "both",
  dueOn: "2026-03-12",
  recurrence: "once",
  instructions: "Before Thursday, please.",
};
const errorsOf = (input: Record<string, unknown>) => {
  const result = assignmentSchema(today).safeParse(input);
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
};

describe("assignmentSchema", () => {
  it("accepts a well-formed assignment for both partners", () => {
    const parsed = assignmentSchema(today).parse(valid);
    expect(parsed).toMatchObject({ step: 1, exerciseKind: "disclosure_worksheet", forUserId: null, recurrence: "once" });
  });

  it("accepts today as the due date but not yesterday", () => {
    expect(errorsOf({ ...valid, dueOn: today })).toEqual({});
    expect(errorsOf({ ...valid, dueOn: "2026-03-09" }).dueOn).toEqual(["The due date can't be in the past."]);
    expect(errorsOf({ ...valid, dueOn: "2026-02-30" }).dueOn).toBeDefined();
  });

  it("refuses an unknown step, an unknown kind and a kind from another step", () => {
    expect(errorsOf({ ...valid, step: "11" }).step).toBeDefined();
    expect(errorsOf({ ...valid, exerciseKind: "constructor" }).exerciseKind).toEqual(["Choose an exercise that belongs to this step."]);
    expect(errorsOf({ ...valid, exerciseKind: "trigger_map" }).exerciseKind).toBeDefined();
    // Check-ins have their own screen: not assignable even at their own step.
    expect(errorsOf({ ...valid, step: "4", exerciseKind: "daily_check_in" }).exerciseKind).toBeDefined();
  });

  it("refuses instructions of 10,000 characters with the limit in the message", () => {
    const errors = errorsOf({ ...valid, instructions: "a".repeat(10_000) }).instructions ?? [];
    expect(errors[0]).toContain("2,000 characters");
    expect(errorsOf({ ...valid, instructions: "a".repeat(2000) })).toEqual({});
  });

  it("refuses a forged 'for whom' and an unknown recurrence", () => {
    expect(errorsOf({ ...valid, forUserId: "' or 1=1" }).forUserId).toBeDefined();
    expect(errorsOf({ ...valid, recurrence: "hourly" }).recurrence).toBeDefined();
  });
});
