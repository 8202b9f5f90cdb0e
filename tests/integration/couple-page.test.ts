import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { getCaseloadRow } from "@/lib/dal/caseload";
import { getCoupleCharts } from "@/lib/dal/couple-charts";
import { getCouplePage } from "@/lib/dal/couple-page";
import { listNotes } from "@/lib/dal/notes";
import { addIsoDays } from "@/lib/metrics";
import { todayIn } from "@/lib/time/zone";
import { couplePageQuerySchema, HISTORY_LISTS } from "@/lib/validations/couple-page";
import { createClinic, db, expectNotFound, type FixtureClinic, type FixtureCouple, type FixtureUser } from "../support/fixtures";
import { signInAs } from "../support/session";

let clinic: FixtureClinic;
let couple: FixtureCouple;
let counsellor: FixtureUser;
const now = new Date();
const today = todayIn("UTC", now);

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["improving"], ["steady"]], days: 60 });
  couple = clinic.couples[0]!;
  counsellor = clinic.counsellors.find((c) => c.id === couple.counsellorId)!;
});

describe("getCouplePage", () => {
  it("shapes the charts' rows for the page: trust with its gap, closeness without", async () => {
    signInAs(counsellor);
    const page = await getCouplePage(couple.id, couplePageQuerySchema.parse({ range: "4w" }), now);
    const charts = await getCoupleCharts(couple.id, "4w", today);
    expect(page.charts.range).toBe("4w");
    expect(page.charts.names).toEqual([couple.partners[0].name, couple.partners[1].name]);
    expect(page.charts.trust).toEqual(
      charts.trust.map((d) => ({ date: d.date, a: d.trustA, b: d.trustB, meanA: d.trustMeanA, meanB: d.trustMeanB, gap: d.trustGap })),
    );
    expect(page.charts.closeness).toEqual(
      charts.trust.map((d) => ({ date: d.date, a: d.closenessA, b: d.closenessB, meanA: d.closenessMeanA, meanB: d.closenessMeanB, gap: null })),
    );
    expect(page.charts.adherence).toEqual(charts.adherence);
    expect(page.charts.steps).toEqual(charts.steps);
    expect(page.figures).toEqual(await getCaseloadRow(couple.id, now));
    expect(page.currentStepDone).toBe(charts.steps[page.couple.currentStep - 1]?.status === "done");
  });

  it("opens on 12 weeks when the link's range is unreadable", async () => {
    signInAs(counsellor);
    const page = await getCouplePage(couple.id, couplePageQuerySchema.parse({ range: "forever", nfrom: "not a day" }), now);
    expect(page.charts.range).toBe("12w");
    expect(page.charts.from).toBe(addIsoDays(today, -83));
    expect(page.noteSearch).toEqual({ q: "", from: undefined, to: undefined });
  });

  it("lists the long history a page at a time: each further page adds the next older rows", async () => {
    signInAs(counsellor);
    const size = HISTORY_LISTS.checkIns.pageSize;
    const total = clinic.rows.checkIns.filter((c) => c.coupleId === couple.id).length;
    expect(total).toBeGreaterThan(2 * size);
    const first = await getCouplePage(couple.id, couplePageQuerySchema.parse({}), now);
    expect(first.activity.checkIns).toHaveLength(size);
    expect(first.activity.more.checkIns).toBe(true);
    const second = await getCouplePage(couple.id, couplePageQuerySchema.parse({ ci: "2" }), now);
    expect(second.activity.checkIns).toHaveLength(2 * size);
    expect(second.activity.checkIns.slice(0, size)).toEqual(first.activity.checkIns);
    const dates = second.activity.checkIns.map((c) => c.date);
    expect(dates).toEqual([...dates].sort().reverse());
    // Other lists keep their first page while one list opens more.
    expect(second.activity.promises).toEqual(first.activity.promises);
  });

  it("lists the newest notes first, a page at a time, with a link's worth of older ones after", async () => {
    const base = Date.now() - 60_000;
    const size = HISTORY_LISTS.notes.pageSize;
    await db()
      .insert(schema.notes)
      .values(
        Array.from({ length: size + 2 }, (_, i) => ({
          coupleId: couple.id,
          authorId: counsellor.id,
          format: "free" as const,
          body: { body: `Paged note ${i}` },
          createdAt: new Date(base + i * 1000),
        })),
      );
    signInAs(counsellor);
    const first = await getCouplePage(couple.id, couplePageQuerySchema.parse({}), now);
    expect(first.notes).toHaveLength(size);
    expect(first.notes[0]!.body.body).toBe(`Paged note ${size + 1}`);
    expect(first.moreNotes).toBe(true);
    const all = await getCouplePage(couple.id, couplePageQuerySchema.parse({ notes: "2" }), now);
    expect(all.notes.slice(0, size)).toEqual(first.notes);
    expect(all.notes.map((n) => n.body.body)).toContain("Paged note 0");
    expect(all.moreNotes).toBe(false);
  });

  it("shows the same note threads as the notes list, each with its addenda, oldest addendum first", async () => {
    const signedAt = new Date(Date.now() - 30_000);
    const [root] = await db()
      .insert(schema.notes)
      .values({ coupleId: couple.id, authorId: counsellor.id, format: "free", body: { body: "Thread root" }, status: "signed", signedAt, createdAt: new Date(Date.now() - 20_000) })
      .returning({ id: schema.notes.id });
    await db()
      .insert(schema.notes)
      .values(
        [2, 1].map((n) => ({
          coupleId: couple.id,
          authorId: counsellor.id,
          format: "free" as const,
          body: { body: `Addendum ${n}` },
          status: "signed" as const,
          signedAt,
          addendumTo: root!.id,
          createdAt: new Date(Date.now() - 10_000 + n * 1000),
        })),
      );
    signInAs(counsellor);
    const page = await getCouplePage(couple.id, couplePageQuerySchema.parse({}), now);
    const listed = await listNotes(couple.id);
    expect(page.notes).toEqual(listed.slice(0, HISTORY_LISTS.notes.pageSize));
    const thread = page.notes.find((n) => n.id === root!.id)!;
    expect(thread.addenda.map((a) => a.body.body)).toEqual(["Addendum 1", "Addendum 2"]);
    // Addenda are never threads of their own.
    expect(page.notes.some((n) => n.body.body?.startsWith("Addendum"))).toBe(false);
  });

  it("lists each invited person once, with their latest link", async () => {
    const other = clinic.couples[1]!;
    const otherCounsellor = clinic.counsellors.find((c) => c.id === other.counsellorId)!;
    const invite = (email: string, minutesAgo: number, revoked: boolean) => ({
      clinicId: clinic.clinicId,
      email,
      name: email.split("@")[0]!,
      role: "partner" as const,
      coupleId: other.id,
      tokenHash: randomUUID(),
      expiresAt: new Date(Date.now() + 86_400_000),
      revokedAt: revoked ? new Date(Date.now() - minutesAgo * 60_000 + 1000) : null,
      createdBy: other.counsellorId,
      createdAt: new Date(Date.now() - minutesAgo * 60_000),
    });
    const [pat, chris] = [`pat-${randomUUID().slice(0, 8)}@example.test`, `chris-${randomUUID().slice(0, 8)}@example.test`];
    const rows = await db()
      .insert(schema.invitations)
      .values([invite(pat, 30, true), invite(chris, 20, false), invite(pat, 10, false)])
      .returning({ id: schema.invitations.id });
    signInAs(otherCounsellor);
    const page = await getCouplePage(other.id, couplePageQuerySchema.parse({}), now);
    expect(page.invitations.map((i) => [i.email, i.status])).toEqual([
      [pat, "pending"],
      [chris, "pending"],
    ]);
    expect(page.invitations[0]!.id).toBe(rows[2]!.id);
  });

  it("is not found for anyone but the couple's counsellor", async () => {
    const other = clinic.counsellors.find((c) => c.id !== couple.counsellorId)!;
    for (const viewer of [other, couple.partners[0], clinic.admin]) {
      signInAs(viewer);
      await expectNotFound(getCouplePage(couple.id, couplePageQuerySchema.parse({}), now));
    }
  });
});

describe("updated_at", () => {
  it("moves forward on every update without the write setting it", async () => {
    const [created] = await db()
      .insert(schema.assignments)
      .values({ coupleId: couple.id, step: 9, exerciseKind: "noticing_log", dueOn: addIsoDays(today, 3), createdBy: couple.counsellorId })
      .returning();
    expect(created!.updatedAt.getTime()).toBe(created!.createdAt.getTime());
    await db().update(schema.assignments).set({ instructions: "Changed" }).where(eq(schema.assignments.id, created!.id));
    const [changed] = await db().select().from(schema.assignments).where(eq(schema.assignments.id, created!.id));
    expect(changed!.createdAt).toEqual(created!.createdAt);
    expect(changed!.updatedAt.getTime()).toBeGreaterThan(created!.updatedAt.getTime());
  });
});
