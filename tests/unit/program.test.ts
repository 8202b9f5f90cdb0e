import { describe, it, expect } from "vitest";
import {
  ANSWER_SCHEMAS,
  CONTACT_ANSWERS,
  EXERCISE_KIND_IDS,
  EXERCISE_KINDS,
  MOODS,
  PROGRAM_VERSION,
  SHARING_QUESTIONS,
  STEPS,
  assignableKindsForStep,
  checkInSchema,
  getExerciseKind,
  getStep,
  isExerciseKindOfStep,
  isSafetyConcern,
  parseAnswer,
  questionForDate,
  type ExerciseKindId,
  type FieldSpec,
  type SafetyScreenAnswer,
} from "@/lib/program";

/** One valid answer per kind; every other test mutates a copy of these. */
const VALID: Record<ExerciseKindId, Record<string, unknown>> = {
  disclosure_worksheet: {
    whatHappened: "We stopped talking and I found out about the messages.",
    howItAffectedMe: "I can't sleep and I keep going over it.",
    whatINeedToUnderstand: "Why it went on for so long.",
  },
  rebuild_decision: { decision: "unsure", willingToChange: "Being more open about my day.", needFromPartner: "Patience." },
  safety_screen: {
    afraidOfPartner: "never",
    hurtOrThreatened: "never",
    controlled: "never",
    worriedAfterSessions: "never",
    safeToSpeak: "yes",
    anythingElse: "",
  },
  agreement: { title: "Evening phone call", details: "A short call at 7 every evening.", checkInsPerWeek: 7 },
  daily_check_in: { trust: 4, closeness: 6, mood: "okay", contact: "yes", note: "A quiet day.", noteVisibility: "shared" },
  promise: { text: "Home by 6 on Thursday", dueAt: "2026-03-05T18:00:00Z", details: "I'll text if the train is late." },
  daily_sharing: { answer: "The walk by the river.", fromMyDay: "Work was busy." },
  private_reflection: { openingUp: "It's easier when we're not rushed.", closeness: "Slowly.", hopes: "A calmer home." },
  trigger_map: { rows: [{ trigger: "Coming home late without replying", plan: "Message before 6 with a time." }] },
  noticing_log: { noticed: "They were quiet after the call.", whatIDid: "I asked and listened.", howItWent: "well" },
  monthly_review: { trustNow: 5, improved: "We talk more.", stillHurts: "Evenings apart.", nextMonth: "Keeping the calls." },
};

function withField(kind: ExerciseKindId, name: string, value: unknown): Record<string, unknown> {
  return { ...structuredClone(VALID[kind]), [name]: value };
}

function withoutField(kind: ExerciseKindId, name: string): Record<string, unknown> {
  const copy = structuredClone(VALID[kind]);
  delete copy[name];
  return copy;
}

/** Asserts the answer fails, with an issue at exactly `path` (and only issues at that path). */
function expectFailureAt(kind: ExerciseKindId, payload: unknown, path: (string | number)[], message?: string | RegExp) {
  const result = parseAnswer(kind, payload);
  expect(result.success, `${kind} should reject ${JSON.stringify(payload).slice(0, 120)}`).toBe(false);
  const issues = result.error!.issues;
  expect(issues.map((i) => i.path)).toEqual(issues.map(() => path));
  if (message !== undefined) expect(issues[0].message).toMatch(message);
}

const long = (n: number) => "a".repeat(n);

describe("steps", () => {
  it("has ten steps numbered 1 to 10 in order, with unique slugs", () => {
    expect(STEPS.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(STEPS.map((s) => s.slug)).size).toBe(10);
    for (const s of STEPS) {
      expect(s.slug).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.aim.length).toBeGreaterThan(20);
      expect(s.guidance.length).toBeGreaterThan(s.aim.length / 2);
      expect(s.exerciseKinds.length).toBeGreaterThan(0);
    }
    expect(PROGRAM_VERSION).toBe("2026.1");
  });

  it("brings the exercise kinds listed in the design", () => {
    expect(STEPS.map((s) => s.exerciseKinds)).toEqual([
      ["disclosure_worksheet"],
      ["rebuild_decision", "safety_screen"],
      ["agreement"],
      ["daily_check_in"],
      ["promise"],
      ["daily_sharing"],
      ["private_reflection"],
      ["trigger_map"],
      ["noticing_log"],
      ["monthly_review"],
    ]);
  });

  it("lists every kind in exactly one step, the step the kind names", () => {
    for (const id of EXERCISE_KIND_IDS) {
      const owners = STEPS.filter((s) => s.exerciseKinds.includes(id));
      expect(owners.map((s) => s.number), id).toEqual([EXERCISE_KINDS[id].step]);
    }
    expect(STEPS.flatMap((s) => s.exerciseKinds).sort()).toEqual([...EXERCISE_KIND_IDS].sort());
  });

  it("looks up steps and kinds, rejecting unknown or prototype names", () => {
    expect(getStep(4)?.exerciseKinds).toEqual(["daily_check_in"]);
    expect(getStep(0)).toBeUndefined();
    expect(getStep(11)).toBeUndefined();
    expect(getExerciseKind("trigger_map")?.step).toBe(8);
    expect(getExerciseKind("nope")).toBeUndefined();
    expect(getExerciseKind("constructor")).toBeUndefined();
    expect(getExerciseKind("__proto__")).toBeUndefined();
  });

  it("checks whether a kind belongs to a step", () => {
    expect(isExerciseKindOfStep(2, "safety_screen")).toBe(true);
    expect(isExerciseKindOfStep(2, "rebuild_decision")).toBe(true);
    expect(isExerciseKindOfStep(3, "safety_screen")).toBe(false);
    expect(isExerciseKindOfStep(11, "monthly_review")).toBe(false);
    expect(isExerciseKindOfStep(10, "toString")).toBe(false);
  });

  it("offers only assignable kinds for a step", () => {
    expect(assignableKindsForStep(2).map((k) => k.id)).toEqual(["rebuild_decision", "safety_screen"]);
    expect(assignableKindsForStep(3)).toEqual([]);
    expect(assignableKindsForStep(4)).toEqual([]);
    expect(assignableKindsForStep(5)).toEqual([]);
    expect(assignableKindsForStep(8).map((k) => k.id)).toEqual(["trigger_map"]);
    expect(assignableKindsForStep(99)).toEqual([]);
  });
});

describe("exercise kinds", () => {
  it("covers every id, with the id as its key", () => {
    expect(Object.keys(EXERCISE_KINDS).sort()).toEqual([...EXERCISE_KIND_IDS].sort());
    for (const id of EXERCISE_KIND_IDS) {
      const k = EXERCISE_KINDS[id];
      expect(k.id).toBe(id);
      expect(k.title.length).toBeGreaterThan(0);
      expect(k.summary.length).toBeGreaterThan(20);
      expect(k.counsellorNote.length).toBeGreaterThan(20);
      expect(k.schema).toBe(ANSWER_SCHEMAS[id]);
    }
  });

  it("sets visibility, reveal and assignable flags as designed", () => {
    const ids = (pred: (id: ExerciseKindId) => boolean) => EXERCISE_KIND_IDS.filter(pred);
    expect(ids((id) => EXERCISE_KINDS[id].visibilityLocked)).toEqual(["safety_screen"]);
    expect(EXERCISE_KINDS.safety_screen.defaultVisibility).toBe("counsellor_only");
    expect(EXERCISE_KINDS.private_reflection.defaultVisibility).toBe("counsellor_only");
    expect(EXERCISE_KINDS.private_reflection.visibilityLocked).toBe(false);
    expect(ids((id) => EXERCISE_KINDS[id].revealWhenBothAnswered)).toEqual(["daily_sharing"]);
    expect(ids((id) => !EXERCISE_KINDS[id].assignable)).toEqual(["agreement", "daily_check_in", "promise"]);
  });

  it("exposes moods and contact answers matching the check-in field options", () => {
    const opts = (name: string) =>
      EXERCISE_KINDS.daily_check_in.fields.find((f) => f.name === name)!.options!.map((o) => o.value);
    expect(opts("mood")).toEqual([...MOODS]);
    expect(opts("contact")).toEqual([...CONTACT_ANSWERS]);
  });
});

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

describe("isSafetyConcern", () => {
  const safe = parseAnswer("safety_screen", VALID.safety_screen);
  if (!safe.success) throw new Error("valid safety screen failed to parse");
  const allClear: SafetyScreenAnswer = safe.data;

  it("is false only when every answer is the safe one", () => {
    expect(isSafetyConcern(allClear)).toBe(false);
  });

  for (const q of ["afraidOfPartner", "hurtOrThreatened", "controlled", "worriedAfterSessions"] as const) {
    for (const answer of ["sometimes", "often"] as const) {
      it(`is true when ${q} is ${answer}`, () => {
        expect(isSafetyConcern({ ...allClear, [q]: answer })).toBe(true);
      });
    }
  }

  it("is true when the partner does not feel safe, or isn't sure, speaking in sessions", () => {
    expect(isSafetyConcern({ ...allClear, safeToSpeak: "no" })).toBe(true);
    expect(isSafetyConcern({ ...allClear, safeToSpeak: "not_sure" })).toBe(true);
  });

  it("ignores the free-text note", () => {
    expect(isSafetyConcern({ ...allClear, anythingElse: "We argue about money." })).toBe(false);
  });

  it("has a rule for every choice question on the screen", () => {
    // A question added to the screen without a rule would silently never flag.
    const choiceQuestions = EXERCISE_KINDS.safety_screen.fields.filter((f: FieldSpec) => f.kind === "choice");
    for (const f of choiceQuestions) {
      const riskyValue = f.options!.map((o) => o.value).find((v) => v !== "never" && v !== "yes")!;
      expect(isSafetyConcern({ ...allClear, [f.name]: riskyValue }), f.name).toBe(true);
    }
  });
});

describe("questions of the day", () => {
  it("has at least 30 distinct questions", () => {
    expect(SHARING_QUESTIONS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(SHARING_QUESTIONS).size).toBe(SHARING_QUESTIONS.length);
    for (const q of SHARING_QUESTIONS) expect(q).toMatch(/^[A-Z].*\?$/);
  });

  it("gives the same question for the same date every time", () => {
    expect(questionForDate("2026-03-05")).toBe(questionForDate("2026-03-05"));
    expect(questionForDate("2026-03-05T23:30:00Z")).toBe(questionForDate("2026-03-05"));
  });

  it("follows days since the epoch, cycling through every question", () => {
    expect(questionForDate("1970-01-01")).toBe(SHARING_QUESTIONS[0]);
    expect(questionForDate("1970-01-02")).toBe(SHARING_QUESTIONS[1]);
    const n = SHARING_QUESTIONS.length;
    const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const seen = Array.from({ length: n }, (_, i) => questionForDate(day(i)));
    expect(new Set(seen).size).toBe(n);
    expect(questionForDate(day(n))).toBe(questionForDate(day(0)));
    expect(questionForDate(day(1))).not.toBe(questionForDate(day(0)));
  });

  it("handles dates before 1970", () => {
    expect(questionForDate("1969-12-31")).toBe(SHARING_QUESTIONS[SHARING_QUESTIONS.length - 1]);
  });

  it("throws on something that isn't a date", () => {
    expect(() => questionForDate("tomorrow")).toThrow(RangeError);
    expect(() => questionForDate("2026-02-30")).toThrow(RangeError);
  });
});
