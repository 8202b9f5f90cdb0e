import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { contactEnum, couples, moodEnum, visibilityEnum } from "@/db/schema";
import { isHeld, JOINT_WORK_PAUSED_MESSAGE } from "@/lib/dal/policy/joint-work-pause";
import { exerciseResponsesVisibleTo, mayShowPartnerAnswered, partnerVisiblePayload, storedVisibility } from "@/lib/dal/policy/partner-visibility";
import { openSafetyConcernExists } from "@/lib/dal/policy/safety-concerns";
import {
  CONTACT_ANSWERS,
  EXERCISE_KIND_IDS,
  EXERCISE_KINDS,
  MOODS,
  SHARING_QUESTIONS,
  STEPS,
  VISIBILITIES,
  exerciseKindIdsWhere,
  isSafetyConcern,
  parseAnswer,
  questionForDate,
  type ExerciseKindId,
  type KindDefinition,
} from "@/lib/program";
import { defineKind } from "@/lib/program/define-kind";
import { defineAnswer, textarea } from "@/lib/program/fields";
import { VALID } from "../support/program-answers";

const dialect = new PgDialect();
const ids = (test: (id: ExerciseKindId) => boolean) => EXERCISE_KIND_IDS.filter(test);

const KINDS_FOLDER = join(process.cwd(), "lib/program/kinds");

/** Every kind declared in a file of lib/program/kinds, with the file it came from. */
async function declaredKinds(): Promise<{ file: string; kind: KindDefinition }[]> {
  const files = readdirSync(KINDS_FOLDER).filter((f) => f.endsWith(".ts") && f !== "index.ts");
  const found: { file: string; kind: KindDefinition }[] = [];
  for (const file of files) {
    const exported: Record<string, unknown> = await import(pathToFileURL(join(KINDS_FOLDER, file)).href);
    for (const value of Object.values(exported)) {
      if (value && typeof value === "object" && "id" in value && "schema" in value && "fields" in value) {
        found.push({ file, kind: value as KindDefinition });
      }
    }
  }
  return found;
}

describe("registering a kind", () => {
  it("has one file per kind, named after its id, each listed in exactly one step", async () => {
    const declared = await declaredKinds();
    expect(declared.map((d) => d.kind.id).sort()).toEqual([...EXERCISE_KIND_IDS].sort());
    for (const { file, kind } of declared) {
      expect(file, kind.id).toBe(`${kind.id.replaceAll("_", "-")}.ts`);
      const steps = STEPS.filter((s) => s.exerciseKinds.includes(kind.id as ExerciseKindId));
      expect(steps, kind.id).toHaveLength(1);
      const registered = EXERCISE_KINDS[kind.id as ExerciseKindId];
      expect(registered.step).toBe(steps[0]!.number);
      expect(registered.schema).toBe(kind.schema);
    }
  });

  it("says which step brings a kind only in the steps, never in the kind's own file", async () => {
    for (const { kind } of await declaredKinds()) expect("step" in kind, kind.id).toBe(false);
  });

  it("makes a kind with no behaviour flags joint work: held during a hold, shown once sent, visibility the partner's choice", () => {
    const plain = defineKind({
      id: "plain",
      title: "Plain",
      summary: "A plain kind.",
      counsellorNote: "Nothing special.",
      defaultVisibility: "shared",
      assignable: true,
      answer: defineAnswer({ note: textarea({ label: "Note", about: "the note" }) }),
    });
    expect(plain).toMatchObject({
      visibilityLocked: false,
      counsellorOnly: false,
      revealWhenBothAnswered: false,
      allowedDuringHold: false,
      sealedOnceSent: false,
    });
    expect(plain.raisesSafetyConcern).toBeUndefined();
    expect(plain.questionFor).toBeUndefined();
    expect(isHeld(plain, true)).toBe(true);
  });
});

describe("kind behaviour", () => {
  it("keeps only the private kinds open during a hold, read from the kinds", () => {
    expect(exerciseKindIdsWhere((k) => k.allowedDuringHold)).toEqual(["safety_screen", "daily_check_in", "private_reflection"]);
    for (const id of EXERCISE_KIND_IDS) {
      const kind = EXERCISE_KINDS[id];
      expect(isHeld(kind, false), id).toBe(false);
      expect(isHeld(kind, true), id).toBe(!kind.allowedDuringHold);
    }
  });

  it("pauses with one set of neutral words that never give a reason", () => {
    expect(JOINT_WORK_PAUSED_MESSAGE).toMatch(/paused/);
    expect(JOINT_WORK_PAUSED_MESSAGE).toMatch(/Your counsellor will talk with you/);
    expect(JOINT_WORK_PAUSED_MESSAGE).not.toMatch(/safe|concern|screen|risk|worr|partner|hold/i);
  });

  it("makes only the safety screen counsellor-only and sealed once sent", () => {
    expect(ids((id) => EXERCISE_KINDS[id].counsellorOnly)).toEqual(["safety_screen"]);
    expect(ids((id) => EXERCISE_KINDS[id].sealedOnceSent)).toEqual(["safety_screen"]);
    // Counsellor-only by default is not counsellor-only for good: the writer may share a reflection.
    expect(EXERCISE_KINDS.private_reflection.counsellorOnly).toBe(false);
  });

  it("raises a safety concern only from the safety screen, by its rule", () => {
    expect(ids((id) => EXERCISE_KINDS[id].raisesSafetyConcern !== undefined)).toEqual(["safety_screen"]);
    const safe = parseAnswer("safety_screen", VALID.safety_screen);
    const worrying = parseAnswer("safety_screen", { ...VALID.safety_screen, controlled: "sometimes" });
    if (!safe.success || !worrying.success) throw new Error("fixture screens failed to parse");
    const raises = EXERCISE_KINDS.safety_screen.raisesSafetyConcern!;
    expect(raises(safe.data)).toBe(false);
    expect(raises(worrying.data)).toBe(true);
    expect(raises).toBe(isSafetyConcern);
  });

  it("asks a question of the day only for daily sharing, the same one every time for a date", () => {
    expect(ids((id) => EXERCISE_KINDS[id].questionFor !== undefined)).toEqual(["daily_sharing"]);
    const questionFor = EXERCISE_KINDS.daily_sharing.questionFor!;
    for (let day = 1; day <= 28; day++) {
      const date = `2026-02-${String(day).padStart(2, "0")}`;
      expect(questionFor(date)).toBe(questionForDate(date));
      expect(questionFor(date)).toBe(questionFor(date));
      expect(SHARING_QUESTIONS).toContain(questionFor(date));
    }
  });
});

describe("partner visibility, read from the kinds", () => {
  it("keeps counsellor-only kinds from the other partner and reveal-when-both kinds until both answered", () => {
    const { sql, params } = dialect.sqlToQuery(exerciseResponsesVisibleTo("viewer-1"));
    expect(params).toContain("viewer-1");
    for (const id of ids((k) => EXERCISE_KINDS[k].counsellorOnly || EXERCISE_KINDS[k].revealWhenBothAnswered)) {
      expect(params, id).toContain(id);
    }
    // Kinds are bound from the registry, never written into the statement.
    for (const id of EXERCISE_KIND_IDS) expect(sql, id).not.toContain(id);
  });

  it("withholds the payload of sent answers of sealed kinds only", () => {
    const { params } = dialect.sqlToQuery(partnerVisiblePayload);
    expect(params).toEqual(ids((k) => EXERCISE_KINDS[k].sealedOnceSent));
  });

  it("stores the kind's own visibility when it is locked, else a known choice, else the default", () => {
    expect(storedVisibility(EXERCISE_KINDS.safety_screen, "shared")).toBe("counsellor_only");
    expect(storedVisibility(EXERCISE_KINDS.private_reflection, "shared")).toBe("shared");
    expect(storedVisibility(EXERCISE_KINDS.disclosure_worksheet, "counsellor_only")).toBe("counsellor_only");
    expect(storedVisibility(EXERCISE_KINDS.disclosure_worksheet, "everyone")).toBe("shared");
    expect(storedVisibility(EXERCISE_KINDS.rebuild_decision, undefined)).toBe("counsellor_only");
  });

  it("says the other partner has answered only for a reveal-when-both kind, before I have sent mine", () => {
    const sharing = EXERCISE_KINDS.daily_sharing;
    expect(mayShowPartnerAnswered(sharing, { partnerAnswerVisible: false, mySubmitted: false })).toBe(true);
    expect(mayShowPartnerAnswered(sharing, { partnerAnswerVisible: false, mySubmitted: true })).toBe(false);
    expect(mayShowPartnerAnswered(sharing, { partnerAnswerVisible: true, mySubmitted: false })).toBe(false);
    expect(mayShowPartnerAnswered(EXERCISE_KINDS.noticing_log, { partnerAnswerVisible: false, mySubmitted: false })).toBe(false);
  });
});

describe("the safety hold in SQL", () => {
  it("qualifies both sides, so the couple column cannot rebind to the concern's own", () => {
    const { sql } = dialect.sqlToQuery(openSafetyConcernExists(couples.id));
    expect(sql).toContain('"safety_concerns"."couple_id" = "couples"."id"');
    expect(sql).toContain('"safety_concerns"."cleared_at" is null');
  });
});

describe("database enums", () => {
  it("take their values from the program", () => {
    expect(moodEnum.enumValues).toEqual([...MOODS]);
    expect(contactEnum.enumValues).toEqual([...CONTACT_ANSWERS]);
    expect(visibilityEnum.enumValues).toEqual([...VISIBILITIES]);
  });
});
