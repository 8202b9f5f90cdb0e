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
import { VALID } from "../support/program-answers";

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
