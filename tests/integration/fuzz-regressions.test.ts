import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { SOMETHING_WENT_WRONG } from "@/lib/actions/action";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import { NUL_REFUSED } from "@/lib/program";
import { todayIn } from "@/lib/time/zone";
import { createClinic, db, type FixtureClinic } from "../support/fixtures";
import { addAssignment } from "../support/partner-fixtures";
import { signInAs } from "../support/session";

/**
 * What the fuzzing of the server actions found, kept as plain tests. A NUL character in typed
 * text reached Postgres, which refuses it in any text column: the person saw "something went
 * wrong" and the server logged an error. It is now refused beside its field, and nothing is saved.
 */

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "localhost:3000" }) }));

const { proposeAgreementAction } = await import("@/app/(partner)/agreements/actions");
const { makePromiseAction } = await import("@/app/(partner)/promises/actions");
const { saveCheckInAction } = await import("@/app/(partner)/check-in/actions");
const { saveExerciseAction } = await import("@/app/(partner)/exercises/[assignmentId]/actions");
const { assignAction, saveNoteAction } = await import("@/app/(counsellor)/couples/[coupleId]/actions");
const { createCoupleAction } = await import("@/app/(counsellor)/couples/new/actions");
const { inviteCounsellorAction } = await import("@/app/(clinic)/clinic/actions");

let clinic: FixtureClinic;
const NUL = "before\u0000after";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** Rows of `table` belonging to this file's clinic (other files write to the same server database in CI). */
async function rowCount(table: string): Promise<number> {
  const scope = table === "couples" || table === "users" ? sql`clinic_id = ${clinic.clinicId}` : sql`couple_id = ${clinic.couples[0]!.id}`;
  const result = (await db().execute(sql`select count(*)::int as n from ${sql.identifier(table)} where ${scope}`)) as unknown;
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
  return Number(rows[0]!.n);
}

/** The action refuses `field` with the NUL message, logs nothing, and writes no row to `table`. */
async function expectRefused(table: string, field: string, run: () => Promise<FormState<unknown>>) {
  const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    const before = await rowCount(table);
    const state = await run();
    expect(state.status).toBe("error");
    expect(state.message).not.toBe(SOMETHING_WENT_WRONG);
    expect(state.fieldErrors?.[field]).toContain(NUL_REFUSED);
    expect(errors).not.toHaveBeenCalled();
    expect(await rowCount(table)).toBe(before);
  } finally {
    errors.mockRestore();
  }
}

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["steady"]] });
});

describe("a NUL character in typed text is refused beside its field", () => {
  it("is what Postgres refuses in a text column (why the forms must catch it)", async () => {
    await expect(db().execute(sql`select ${NUL}::text`)).rejects.toThrow();
  });

  it("in a partner's agreement, promise, check-in note and exercise answer", async () => {
    const couple = clinic.couples[0]!;
    signInAs(couple.partners[0]);
    await expectRefused("agreements", "title", () => proposeAgreementAction(initialFormState, form({ title: NUL })));
    await expectRefused("agreements", "details", () => proposeAgreementAction(initialFormState, form({ title: "Call at lunch", details: NUL })));
    await expectRefused("promises", "text", () => makePromiseAction(initialFormState, form({ text: NUL, dueAt: "2099-01-01T10:00" })));
    await expectRefused("check_ins", "note", () =>
      saveCheckInAction(initialFormState, form({ trust: "5", closeness: "5", mood: "okay", contact: "yes", note: NUL, noteVisibility: "shared", date: todayIn("UTC") })),
    );
    const assignment = await addAssignment(couple, "disclosure_worksheet");
    await expectRefused("exercise_responses", "whatHappened", () =>
      saveExerciseAction(assignment, initialFormState, form({ "answer.whatHappened": NUL, "answer.howItAffectedMe": "a", "answer.whatINeedToUnderstand": "b", intent: "submit" })),
    );
  });

  it("in a counsellor's assignment, note and new couple, and an admin's invitation", async () => {
    const couple = clinic.couples[0]!;
    signInAs(clinic.counsellors[0]!);
    const due = `${Number(todayIn("UTC").slice(0, 4)) + 1}-01-01`;
    await expectRefused("assignments", "instructions", () =>
      assignAction(couple.id, initialFormState, form({ step: "1", exerciseKind: "disclosure_worksheet", forUserId: "both", dueOn: due, recurrence: "once", instructions: NUL })),
    );
    await expectRefused("notes", "body", () => saveNoteAction(couple.id, null, initialFormState, form({ format: "free", intent: "draft", body: NUL })));
    await expectRefused("couples", "name", () =>
      createCoupleAction(
        initialFormState,
        form({ name: NUL, startedOn: "2026-01-05", "partners.0.name": "Ann", "partners.0.email": "ann@nul.test", "partners.1.name": "Bo", "partners.1.email": "bo@nul.test" }),
      ),
    );
    await expectRefused("users", "partners.1.name", () =>
      createCoupleAction(
        initialFormState,
        form({ name: "Ann and Bo", startedOn: "2026-01-05", "partners.0.name": "Ann", "partners.0.email": "ann@nul.test", "partners.1.name": NUL, "partners.1.email": "bo@nul.test" }),
      ),
    );
    signInAs(clinic.admin);
    await expectRefused("users", "name", () => inviteCounsellorAction(initialFormState, form({ name: NUL, email: "new@nul.test" })));
  });
});
