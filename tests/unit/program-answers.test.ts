import { describe, it, expect } from "vitest";
import { ANSWER_SCHEMAS, EXERCISE_KIND_IDS, EXERCISE_KINDS, checkInSchema, parseAnswer, type ExerciseKindId } from "@/lib/program";
import { long, VALID, withField, withoutField } from "../support/program-answers";

/** Asserts the answer fails, with an issue at exactly `path` (and only issues at that path). */
function expectFailureAt(kind: ExerciseKindId, payload: unknown, path: (string | number)[], message?: string | RegExp) {
  const result = parseAnswer(kind, payload);
  expect(result.success, `${kind} should reject ${JSON.stringify(payload).slice(0, 120)}`).toBe(false);
  const issues = result.error!.issues;
  expect(issues.map((i) => i.path)).toEqual(issues.map(() => path));
  if (message !== undefined) expect(issues[0].message).toMatch(message);
}

describe("fields and schemas agree", () => {
  for (const id of EXERCISE_KIND_IDS) {
    describe(id, () => {
      const { fields } = EXERCISE_KINDS[id];

      it("names the same keys as the schema", () => {
        const extra = id === "daily_check_in" ? ["date"] : [];
        expect(Object.keys(ANSWER_SCHEMAS[id].shape).sort()).toEqual([...fields.map((f) => f.name), ...extra].sort());
      });

      it("accepts the valid example", () => {
        const result = parseAnswer(id, VALID[id]);
        expect(result.error?.issues).toBeUndefined();
        expect(result.success).toBe(true);
      });

      it("gives every field the right limits", () => {
        for (const f of fields) {
          if (f.kind === "text") expect(f.maxLength, f.name).toBe(200);
          if (f.kind === "textarea") expect(f.maxLength, f.name).toBeLessThanOrEqual(4000);
          if (f.kind === "rating") expect([f.min, f.max], f.name).toEqual([0, 10]);
          if (f.kind === "list") expect(f.maxItems, f.name).toBe(20);
          if (f.kind === "choice") expect(f.options?.length, f.name).toBeGreaterThan(1);
        }
      });

      for (const f of fields) {
        if (f.required) {
          it(`rejects a missing ${f.name} at that path`, () => {
            expectFailureAt(id, withoutField(id, f.name), [f.name]);
          });
        } else {
          it(`accepts a missing or blank ${f.name}`, () => {
            expect(parseAnswer(id, withoutField(id, f.name)).success).toBe(true);
            expect(parseAnswer(id, withField(id, f.name, null)).success).toBe(true);
            expect(parseAnswer(id, withField(id, f.name, "")).success).toBe(true);
          });
        }
        if (f.maxLength !== undefined) {
          it(`limits ${f.name} to ${f.maxLength} characters`, () => {
            expect(parseAnswer(id, withField(id, f.name, long(f.maxLength!))).success).toBe(true);
            expectFailureAt(id, withField(id, f.name, long(f.maxLength! + 1)), [f.name], /characters or fewer/);
          });
        }
        if (f.kind === "choice") {
          it(`accepts only the listed options for ${f.name}`, () => {
            for (const o of f.options!) expect(parseAnswer(id, withField(id, f.name, o.value)).success).toBe(true);
            expectFailureAt(id, withField(id, f.name, "something_else"), [f.name], /choose/);
          });
        }
        if (f.kind === "rating") {
          it(`takes whole numbers 0–10 for ${f.name}`, () => {
            expect(parseAnswer(id, withField(id, f.name, 0)).success).toBe(true);
            expect(parseAnswer(id, withField(id, f.name, 10)).success).toBe(true);
            for (const bad of [11, -1, 3.5, "high", true]) expectFailureAt(id, withField(id, f.name, bad), [f.name]);
          });
        }
      }
    });
  }
});

describe("invalid answers, kind by kind", () => {
  const cases: [ExerciseKindId, string, unknown, (string | number)[], RegExp?][] = [
    ["disclosure_worksheet", "blank required text", withField("disclosure_worksheet", "whatHappened", "   "), ["whatHappened"], /^Please write a few words about what happened\.$/],
    ["disclosure_worksheet", "4001-character textarea", withField("disclosure_worksheet", "howItAffectedMe", long(4001)), ["howItAffectedMe"], /^Please keep this to 4,000 characters or fewer\.$/],
    ["disclosure_worksheet", "wrong type", withField("disclosure_worksheet", "whatINeedToUnderstand", 42), ["whatINeedToUnderstand"], /text/],
    ["rebuild_decision", "unknown decision", withField("rebuild_decision", "decision", "maybe"), ["decision"]],
    ["rebuild_decision", "empty required text", withField("rebuild_decision", "willingToChange", ""), ["willingToChange"], /few words/],
    ["rebuild_decision", "4001-character optional textarea", withField("rebuild_decision", "needFromPartner", long(4001)), ["needFromPartner"]],
    ["safety_screen", "unknown frequency", withField("safety_screen", "afraidOfPartner", "always"), ["afraidOfPartner"]],
    ["safety_screen", "wrong type", withField("safety_screen", "safeToSpeak", true), ["safeToSpeak"]],
    ["agreement", "201-character title", withField("agreement", "title", long(201)), ["title"], /200 characters/],
    ["agreement", "eight days a week", withField("agreement", "checkInsPerWeek", 8), ["checkInsPerWeek"]],
    ["agreement", "fractional frequency", withField("agreement", "checkInsPerWeek", 2.5), ["checkInsPerWeek"]],
    ["daily_check_in", "trust 11", withField("daily_check_in", "trust", 11), ["trust"], /0 to 10/],
    ["daily_check_in", "closeness 3.5", withField("daily_check_in", "closeness", 3.5), ["closeness"], /whole number/],
    ["daily_check_in", "2001-character note", withField("daily_check_in", "note", long(2001)), ["note"], /2,000/],
    ["daily_check_in", "unknown note visibility", withField("daily_check_in", "noteVisibility", "everyone"), ["noteVisibility"]],
    ["promise", "unreadable due time", withField("promise", "dueAt", "next Tuesday"), ["dueAt"], /date and time/],
    ["promise", "impossible due date", withField("promise", "dueAt", "2026-02-30T10:00"), ["dueAt"]],
    ["promise", "date without time", withField("promise", "dueAt", "2026-03-05"), ["dueAt"]],
    ["promise", "empty promise", withField("promise", "text", " "), ["text"]],
    ["daily_sharing", "missing answer", withoutField("daily_sharing", "answer"), ["answer"], /today's question/],
    ["daily_sharing", "4001-character extra", withField("daily_sharing", "fromMyDay", long(4001)), ["fromMyDay"]],
    ["private_reflection", "blank first prompt", withField("private_reflection", "openingUp", "\n\t "), ["openingUp"]],
    ["private_reflection", "wrong type", withField("private_reflection", "hopes", ["a"]), ["hopes"]],
    ["trigger_map", "21 rows", { rows: Array.from({ length: 21 }, () => ({ trigger: "t", plan: "p" })) }, ["rows"], /20 rows/],
    ["trigger_map", "no rows", { rows: [] }, ["rows"], /at least one/],
    ["trigger_map", "row without a trigger", { rows: [{ trigger: "", plan: "p" }] }, ["rows", 0, "trigger"]],
    ["trigger_map", "rows not a list", { rows: "late nights" }, ["rows"]],
    ["noticing_log", "unknown outcome", withField("noticing_log", "howItWent", "great"), ["howItWent"]],
    ["noticing_log", "empty noticing", withField("noticing_log", "noticed", ""), ["noticed"]],
    ["monthly_review", "trust 11", withField("monthly_review", "trustNow", 11), ["trustNow"]],
    ["monthly_review", "trust 3.5", withField("monthly_review", "trustNow", 3.5), ["trustNow"]],
    ["monthly_review", "4001-character textarea", withField("monthly_review", "stillHurts", long(4001)), ["stillHurts"]],
  ];

  it("has at least two cases for every kind", () => {
    for (const id of EXERCISE_KIND_IDS) expect(cases.filter((c) => c[0] === id).length, id).toBeGreaterThanOrEqual(2);
  });

  for (const [kind, label, payload, path, message] of cases) {
    it(`${kind}: rejects ${label} at ${path.join(".")}`, () => expectFailureAt(kind, payload, path, message));
  }

  it("rejects a payload that is not an object", () => {
    for (const id of EXERCISE_KIND_IDS) {
      expect(parseAnswer(id, "hello").success).toBe(false);
      expect(parseAnswer(id, null).success).toBe(false);
    }
  });

  it("fails softly for an unknown kind", () => {
    const result = parseAnswer("not_a_kind" as ExerciseKindId, {});
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual([]);
  });
});

describe("cleaning answers", () => {
  it("trims text, drops blank optional fields and unknown keys", () => {
    const result = parseAnswer("rebuild_decision", {
      decision: "yes",
      willingToChange: "  Being home when I say.  ",
      needFromPartner: "   ",
      sneaky: "x",
    });
    expect(result.success && result.data).toEqual({ decision: "yes", willingToChange: "Being home when I say." });
  });

  it("counts a textarea's length after trimming", () => {
    expect(parseAnswer("daily_sharing", { answer: `  ${long(4000)}  ` }).success).toBe(true);
  });

  it("reads numerals sent by HTML forms", () => {
    const result = parseAnswer("agreement", { title: "Call", details: "Each evening", checkInsPerWeek: "5" });
    expect(result.success && result.data.checkInsPerWeek).toBe(5);
    expect(parseAnswer("agreement", { title: "Call", details: "Each evening", checkInsPerWeek: "" }).success).toBe(true);
  });

  it("accepts due times with Z, an offset, or a local time", () => {
    for (const dueAt of ["2026-03-05T18:00:00Z", "2026-03-05T18:00:00+01:00", "2026-03-05T18:00"]) {
      expect(parseAnswer("promise", withField("promise", "dueAt", dueAt)).success, dueAt).toBe(true);
    }
  });
});

describe("checkInSchema", () => {
  const base = VALID.daily_check_in;

  it("accepts an optional calendar date and defaults note visibility to shared", () => {
    const result = checkInSchema.safeParse({ trust: "7", closeness: 3, mood: "good", contact: "none_agreed", date: "2024-02-29" });
    expect(result.success && result.data).toEqual({
      trust: 7,
      closeness: 3,
      mood: "good",
      contact: "none_agreed",
      noteVisibility: "shared",
      date: "2024-02-29",
    });
  });

  it("rejects a date that is not a real yyyy-mm-dd day", () => {
    for (const date of ["2026-02-29", "2026-13-01", "05/03/2026", 20260305]) {
      const result = checkInSchema.safeParse({ ...base, date });
      expect(result.success, String(date)).toBe(false);
      expect(result.error?.issues[0].path).toEqual(["date"]);
    }
  });

  it("keeps a note private when asked", () => {
    const result = checkInSchema.safeParse({ ...base, noteVisibility: "counsellor_only" });
    expect(result.success && result.data.noteVisibility).toBe("counsellor_only");
  });
});
