import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { parseInput } from "@/lib/actions/action";
import { reassignCouple } from "@/lib/dal/clinic-couples";
import { createNote, getNote, listNotes, NOT_AUTHOR_MESSAGE, updateNote } from "@/lib/dal/notes";
import { reassignCoupleSchema } from "@/lib/validations/clinic";
import { noteInputSchema } from "@/lib/validations/notes";
import { createClinic, db, expectNotFound, type FixtureClinic, type FixtureCouple, type FixtureUser } from "../support/fixtures";
import { refusal } from "../support/input-error";
import { signInAs } from "../support/session";

let clinic: FixtureClinic;
let couple: FixtureCouple;
let first: FixtureUser;
let second: FixtureUser;
let draftId: string;
let signedId: string;

const note = (form: Record<string, unknown>) => parseInput(noteInputSchema, form);
const noteRow = async (id: string) => (await db().select().from(schema.notes).where(eq(schema.notes.id, id)))[0]!;

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["steady"], ["improving"]], days: 14 });
  couple = clinic.couples[0]!;
  first = clinic.counsellors.find((c) => c.id === couple.counsellorId)!;
  second = clinic.counsellors.find((c) => c.id !== couple.counsellorId)!;
  signInAs(first);
  draftId = (await createNote(couple.id, note({ format: "soap", intent: "draft", subjective: "First counsellor's draft", plan: "Follow up" }))).id;
  signedId = (await createNote(couple.id, note({ format: "free", intent: "sign", body: "Signed before the handover" }))).id;
  signInAs(clinic.admin);
  await reassignCouple(parseInput(reassignCoupleSchema, { coupleId: couple.id, counsellorId: second.id }));
});

describe("notes after a couple is handed to another counsellor", () => {
  it("refuses the new counsellor's edit or signature of the earlier counsellor's draft, changing nothing", async () => {
    const before = await noteRow(draftId);
    signInAs(second);
    for (const intent of ["draft", "sign"] as const) {
      const refused = await refusal(updateNote(draftId, note({ format: "soap", intent, subjective: "Rewritten by someone else" })));
      expect(refused.message).toBe(NOT_AUTHOR_MESSAGE);
    }
    const after = await noteRow(draftId);
    expect(after).toEqual(before);
    expect(after).toMatchObject({ status: "draft", authorId: first.id, signedAt: null });
    const events = await db().select({ action: schema.auditEvents.action }).from(schema.auditEvents).where(eq(schema.auditEvents.entityId, draftId));
    expect(events.map((e) => e.action)).not.toContain("note.update");
    expect(events.map((e) => e.action)).not.toContain("note.sign");
  });

  it("shows the new counsellor the earlier draft read-only, unsigned, under its author's name", async () => {
    signInAs(second);
    const threads = await listNotes(couple.id);
    const draft = threads.find((n) => n.id === draftId)!;
    expect(draft).toMatchObject({ status: "draft", authorId: first.id, authorName: first.name, editable: false, signedAt: null });
    expect(draft.body.subjective).toBe("First counsellor's draft");
    expect((await getNote(draftId)).editable).toBe(false);
  });

  it("lets the new counsellor read signed notes and add addenda under their own name", async () => {
    signInAs(second);
    const addendum = await createNote(couple.id, note({ format: "free", intent: "sign", body: "Seen at handover" }), signedId);
    const thread = await getNote(signedId);
    expect(thread).toMatchObject({ status: "signed", authorName: first.name, editable: false });
    expect(thread.addenda).toEqual([expect.objectContaining({ id: addendum.id, authorId: second.id, authorName: second.name, status: "signed" })]);
    // An addendum is for a signed note; someone else's draft is not corrected that way either.
    expect((await refusal(createNote(couple.id, note({ format: "free", intent: "sign", body: "x" }), draftId))).message).toMatch(/counsellor who wrote it/);
  });

  it("keeps the new counsellor's own drafts editable by them alone, and the old counsellor out", async () => {
    signInAs(second);
    const own = await createNote(couple.id, note({ format: "free", intent: "draft", body: "Mine" }));
    expect((await listNotes(couple.id)).find((n) => n.id === own.id)?.editable).toBe(true);
    await updateNote(own.id, note({ format: "free", intent: "sign", body: "Mine, signed" }));
    expect(await noteRow(own.id)).toMatchObject({ status: "signed", authorId: second.id });
    signInAs(first);
    await expectNotFound(updateNote(draftId, note({ format: "soap", intent: "sign", subjective: "Too late" })));
    await expectNotFound(listNotes(couple.id));
  });
});
