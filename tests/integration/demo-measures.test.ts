import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureReady } from "@/db/ready";
import * as schema from "@/db/schema";
import { demoClinicSpec } from "@/db/seed/demo";
import { insertDemoMeasures } from "@/db/seed/demo-measures";
import { buildClinic } from "@/db/seed/generator";
import { insertClinicRows } from "@/db/seed/insert";
import { latestOccasion } from "@/lib/measures/schedule";
import { addIsoDays } from "@/lib/metrics/dates";
import { db } from "../support/fixtures";

const today = "2026-11-24";
let rows: ReturnType<typeof buildClinic>;

beforeAll(async () => {
  await ensureReady();
  rows = buildClinic(await demoClinicSpec(today));
  // Its own addresses and name, so it sits beside any other clinic in a shared test database.
  const tag = `dm${Date.now().toString(36)}`;
  rows.clinic.name = `${rows.clinic.name} ${tag}`;
  for (const u of rows.users) u.email = u.email.replace("@demo.mend.test", `@${tag}.test`);
  await db().transaction(async (tx) => {
    await insertClinicRows(tx, rows);
    await insertDemoMeasures(tx, rows, today);
  });
}, 600_000);

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("the demo clinic's measures", () => {
  it("schedules both of Mend's measures for every active couple, and leaves nothing due today", async () => {
    const active = rows.couples.filter((c) => c.status === "active").map((c) => c.id!);
    const schedules = await db().select().from(schema.measureSchedules).where(inArray(schema.measureSchedules.coupleId, active));
    expect(schedules).toHaveLength(active.length * 2);
    for (const s of schedules) {
      const answers = await db().select().from(schema.measureResponses).where(eq(schema.measureResponses.scheduleId, s.id));
      const latest = latestOccasion(s, today);
      const partners = rows.coupleMembers.filter((m) => m.coupleId === s.coupleId).map((m) => m.userId);
      for (const p of partners) {
        const mine = answers.filter((a) => a.userId === p).map((a) => a.occasionOn).sort();
        expect(mine.at(-1), `${s.measureKey} for ${p}`).toBe(latest);
      }
    }
  });

  it("follows each partner's own trust: clearly improving partners score higher at the end, clearly declining ones lower", async () => {
    const responses = await db()
      .select({ userId: schema.measureResponses.userId, occasionOn: schema.measureResponses.occasionOn, total: schema.measureResponses.total, key: schema.measureSchedules.measureKey })
      .from(schema.measureResponses)
      .innerJoin(schema.measureSchedules, eq(schema.measureSchedules.id, schema.measureResponses.scheduleId))
      .where(inArray(schema.measureResponses.coupleId, rows.couples.map((c) => c.id!)));
    let rising = 0;
    let falling = 0;
    for (const userId of new Set(responses.map((r) => r.userId))) {
      const mine = responses.filter((r) => r.userId === userId && r.key === "mend-trust-check").sort((a, b) => a.occasionOn.localeCompare(b.occasionOn));
      if (mine.length < 6) continue;
      const trust = rows.checkIns.filter((c) => c.userId === userId);
      const near = (from: string, to: string) => mean(trust.filter((c) => c.date >= from && c.date <= to).map((c) => c.trust));
      const trustChange = near(addIsoDays(mine.at(-1)!.occasionOn, -20), mine.at(-1)!.occasionOn) - near(mine[0]!.occasionOn, addIsoDays(mine[0]!.occasionOn, 20));
      const scoreChange = mean(mine.slice(-3).map((r) => r.total)) - mean(mine.slice(0, 3).map((r) => r.total));
      if (trustChange >= 2) {
        rising += 1;
        expect(scoreChange, `partner ${userId}`).toBeGreaterThan(0);
      }
      if (trustChange <= -2) {
        falling += 1;
        expect(scoreChange, `partner ${userId}`).toBeLessThan(0);
      }
    }
    // The demo tells both stories.
    expect(rising).toBeGreaterThan(0);
    expect(falling).toBeGreaterThan(0);
  });
});
