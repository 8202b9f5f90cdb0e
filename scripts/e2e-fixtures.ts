/**
 * Prepares the end-to-end database before `next start` opens it: migrates, seeds the demo clinic
 * (as the server would), then adds two small clinics whose every private field carries a marker
 * (tests/support/markers.ts), for the authorization matrix and the leak sweep. The demo clinic is
 * untouched, so every other end-to-end spec sees exactly what it saw before. Idempotent: a second
 * run finds the clinics and only rewrites the ids file.
 *
 * Usage: tsx scripts/e2e-fixtures.ts <ids file>   (same MEND_DATA_DIR / DATABASE_URL as the server)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { closeDb, getRawDb, schema } from "../db";
import { insertMeasureHistory } from "./e2e-measure-fixtures";
import { runMigrations } from "../db/migrate";
import { demoSeedingEnabled } from "../db/ready";
import { DEMO_PASSWORD } from "../db/seed/accounts";
import { plus } from "../db/seed/couple-history";
import { seedDemoIfEmpty } from "../db/seed/demo";
import { buildClinic, type ClinicRows, type ClinicSpec } from "../db/seed/generator";
import { hashPassword } from "../lib/auth/password";
import { parseAnswer } from "../lib/program";
import { todayIn } from "../lib/time/zone";
import {
  ACCOUNT_EMAIL,
  FIXTURE_PASSWORD,
  NORTHFIELD_DOMAIN,
  RIDGEWAY_DOMAIN,
  markerToken,
  type CoupleTag,
  type FixtureIds,
  type MarkerKind,
  type Slot,
} from "../tests/support/markers";

const RIDGEWAY = "Ridgeway Practice";
const NORTHFIELD = "Northfield Counselling";
const ZONE = "Europe/London";
const DAYS = 40;

let uuidCounter = 0;
/** Fixed ids for the rows added here, so the ids file is the same on every run. */
function fixedId(): string {
  uuidCounter += 1;
  return `e2e00000-0000-4000-8000-${String(uuidCounter).padStart(12, "0")}`;
}

function mark(token: string, text: string, max = 190): string {
  return `${token} ${text}`.slice(0, max);
}

/** Prefixes every free-text string (it has a space; choices and dates do not) with the token. */
function markPayload(value: unknown, token: string): unknown {
  if (typeof value === "string") return value.includes(" ") ? mark(token, value) : value;
  if (Array.isArray(value)) return value.map((v) => markPayload(v, token));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, markPayload(v, token)]));
  return value;
}

type Built = { rows: ClinicRows; coupleIds: string[] };

function clinicSpec(name: string, domain: string, seed: number, today: string, passwordHash: string, counsellors: ClinicSpec["counsellors"]): ClinicSpec {
  return { seed, today, days: DAYS, clinicName: name, timeZone: ZONE, emailDomain: domain, passwordHash, admin: { email: `admin@${domain}`, name: "" }, counsellors };
}

/** Writes the couple's markers into every free-text field of its rows. */
function markCouple(rows: ClinicRows, coupleId: string, tag: CoupleTag, today: string) {
  const couple = rows.couples.find((c) => c.id === coupleId)!;
  const members = rows.coupleMembers.filter((m) => m.coupleId === coupleId);
  const slotOf = (userId: string): Slot => (members.find((m) => m.userId === userId)!.slot === "A" ? "a" : "b");
  const t = (kind: MarkerKind, slot?: Slot) => markerToken(tag, kind, slot);
  couple.name = t("couple-name");
  for (const m of members) {
    const user = rows.users.find((u) => u.id === m.userId)!;
    user.name = `${t("partner-name", slotOf(m.userId))} ${user.name.split(" ").at(-1)}`;
  }
  // Every check-in of the last eight days carries a note, alternately shared and counsellor-only,
  // so both kinds are on the pages that show recent days.
  for (const c of rows.checkIns.filter((c) => c.coupleId === coupleId)) {
    const slot = slotOf(c.userId);
    if (c.date >= plus(today, -8)) {
      c.note = c.note ?? "A quiet day, we talked in the evening.";
      c.noteVisibility = Number(c.date.slice(8)) % 2 === 0 ? "shared" : "counsellor_only";
    }
    if (c.note) c.note = mark(t(c.noteVisibility === "counsellor_only" ? "checkin-private" : "checkin-shared", slot), c.note, 1000);
  }
  for (const r of rows.exerciseResponses.filter((r) => r.coupleId === coupleId)) {
    const slot = slotOf(r.userId);
    if (r.exerciseKind === "safety_screen") {
      r.payload = { ...(r.payload as object), anythingElse: `${t("safety-screen", slot)} Something I would rather say to my counsellor alone.` };
    } else {
      r.payload = markPayload(r.payload, t(r.visibility === "counsellor_only" ? "answer-private" : "answer-shared", slot));
    }
    const parsed = parseAnswer(r.exerciseKind as never, r.payload);
    if (!parsed.success) throw new Error(`marked ${r.exerciseKind} answer does not validate: ${parsed.error.message}`);
  }
  for (const a of rows.assignments.filter((a) => a.coupleId === coupleId)) a.instructions = mark(t("instructions"), a.instructions ?? "", 1000);
  for (const p of rows.promises.filter((p) => p.coupleId === coupleId)) p.text = mark(t("promise"), p.text);
  for (const a of rows.agreements.filter((a) => a.coupleId === coupleId)) a.title = mark(t("agreement"), a.title, 120);
  for (const n of rows.notes.filter((n) => n.coupleId === coupleId)) {
    n.body = Object.fromEntries(Object.entries(n.body as Record<string, string>).map(([k, v]) => [k, mark(t("clinical-note"), v, 4000)]));
  }
  // A proposal waiting for partner B's answer.
  const [a, b] = [members.find((m) => m.slot === "A")!.userId, members.find((m) => m.slot === "B")!.userId];
  rows.agreements.push({ id: fixedId(), coupleId, proposedBy: a, title: mark(t("agreement"), "We put phones away at dinner"), details: "", status: "proposed", createdAt: new Date() });
  // A promise partner A made that partner B has yet to confirm.
  rows.promises.push({ id: fixedId(), coupleId, madeBy: a, text: mark(t("promise"), "I will call at lunchtime"), dueAt: new Date(`${plus(today, 2)}T18:00:00Z`), status: "open", createdAt: new Date() });
  void b;
}

/** Partner A has answered today's question of a new step-6 assignment; partner B has not. */
function addUnrevealed(rows: ClinicRows, coupleId: string, today: string): string {
  const couple = rows.couples.find((c) => c.id === coupleId)!;
  const a = rows.coupleMembers.find((m) => m.coupleId === coupleId && m.slot === "A")!.userId;
  const assignmentId = fixedId();
  rows.assignments.push({
    id: assignmentId,
    coupleId,
    step: 6,
    exerciseKind: "daily_sharing",
    dueOn: plus(today, 3),
    recurrence: "daily",
    instructions: mark(markerToken("x", "instructions"), "One more week of the question of the day."),
    status: "active",
    createdBy: couple.counsellorId,
  });
  const payload = { answer: `${markerToken("x", "unrevealed")} What I noticed today was how you waited up for me.` };
  if (!parseAnswer("daily_sharing", payload).success) throw new Error("the unrevealed answer does not validate");
  rows.exerciseResponses.push({
    id: fixedId(),
    assignmentId,
    coupleId,
    userId: a,
    exerciseKind: "daily_sharing",
    occurrenceOn: today,
    payload,
    visibility: "shared",
    status: "submitted",
    submittedAt: new Date(),
  });
  return assignmentId;
}

/** Mend's relationship check for each couple, started yesterday every two weeks: due for both partners today. */
function scheduleMeasures(built: Built[], today: string): (typeof schema.measureSchedules.$inferInsert)[] {
  return built.flatMap(({ rows, coupleIds }) =>
    coupleIds.map((coupleId) => ({
      id: fixedId(),
      coupleId,
      measureKey: "mend-relationship-check",
      everyWeeks: 2,
      startsOn: plus(today, -1),
      createdBy: rows.couples.find((c) => c.id === coupleId)!.counsellorId!,
    })),
  );
}

function build(today: string, passwordHash: string): { ridgeway: Built; northfield: Built } {
  const r = clinicSpec(RIDGEWAY, RIDGEWAY_DOMAIN, 5150, today, passwordHash, [
    {
      email: ACCOUNT_EMAIL.counsellor,
      name: "Rosa Vance",
      couples: [
        {
          trajectory: "steady",
          safetyConcern: true,
          partners: [
            { email: ACCOUNT_EMAIL.partnerA, name: "Ava Rowe" },
            { email: ACCOUNT_EMAIL.partnerB, name: "Ben Rowe" },
          ],
        },
      ],
    },
    {
      email: ACCOUNT_EMAIL.otherCounsellor,
      name: "Malik Osei",
      couples: [
        {
          trajectory: "improving",
          partners: [
            { email: ACCOUNT_EMAIL.otherPartner, name: "Cleo Hart" },
            { email: `dan@${RIDGEWAY_DOMAIN}`, name: "Dan Hart" },
          ],
        },
      ],
    },
  ]);
  r.admin.name = "Ruth Adeyemi";
  const o = clinicSpec(NORTHFIELD, NORTHFIELD_DOMAIN, 5151, today, passwordHash, [
    {
      email: ACCOUNT_EMAIL.otherClinicCounsellor,
      name: "Ingrid Falk",
      couples: [
        {
          trajectory: "steady",
          safetyConcern: true,
          partners: [
            { email: `olive@${NORTHFIELD_DOMAIN}`, name: "Olive Price" },
            { email: `oscar@${NORTHFIELD_DOMAIN}`, name: "Oscar Price" },
          ],
        },
      ],
    },
  ]);
  o.admin.name = "Noel Barker";
  const ridgeway = buildClinic(r);
  const northfield = buildClinic(o);
  return { ridgeway: { rows: ridgeway, coupleIds: ridgeway.couples.map((c) => c.id!) }, northfield: { rows: northfield, coupleIds: northfield.couples.map((c) => c.id!) } };
}

async function insertRows(tx: Parameters<Parameters<ReturnType<typeof getRawDb>["transaction"]>[0]>[0], rows: ClinicRows) {
  const { insertClinicRows } = await import("../db/seed/insert");
  await insertClinicRows(tx, rows);
}

function idsOf(ridgeway: Built, northfield: Built, unrevealedAssignment: string, schedules: { id?: string; coupleId: string }[]): FixtureIds {
  const all = [...ridgeway.rows.users, ...northfield.rows.users];
  const userId = (email: string) => all.find((u) => u.email === email)!.id!;
  const couples: Record<CoupleTag, string> = { x: ridgeway.coupleIds[0]!, y: ridgeway.coupleIds[1]!, o: northfield.coupleIds[0]! };
  const rowsOf = (tag: CoupleTag) => (tag === "o" ? northfield.rows : ridgeway.rows);
  const per = <T>(pick: (rows: ClinicRows, coupleId: string) => T): Record<CoupleTag, T> => ({
    x: pick(rowsOf("x"), couples.x),
    y: pick(rowsOf("y"), couples.y),
    o: pick(rowsOf("o"), couples.o),
  });
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the fixture has no ${what}`);
    return value;
  };
  return {
    clinicId: ridgeway.rows.clinic.id!,
    otherClinicId: northfield.rows.clinic.id!,
    couples,
    users: Object.fromEntries(Object.entries(ACCOUNT_EMAIL).map(([actor, email]) => [actor, userId(email)])) as FixtureIds["users"],
    assignments: per((rows, c) => {
      const active = rows.assignments.filter((a) => a.coupleId === c && a.status === "active" && a.id !== unrevealedAssignment);
      return need((active.find((a) => a.exerciseKind !== "daily_sharing") ?? active[0])?.id, "active assignment");
    }),
    unrevealedAssignment,
    openPromise: per((rows, c) => need(rows.promises.find((p) => p.coupleId === c && p.status === "open")?.id, "open promise")),
    acceptedAgreement: per((rows, c) => need(rows.agreements.find((a) => a.coupleId === c && a.status === "accepted" && !a.effectiveUntil)?.id, "accepted agreement")),
    proposedAgreement: per((rows, c) => need(rows.agreements.find((a) => a.coupleId === c && a.status === "proposed")?.id, "proposed agreement")),
    draftNote: per((rows, c) => need(rows.notes.find((n) => n.coupleId === c && n.status === "draft")?.id, "draft note")),
    signedNote: per((rows, c) => need(rows.notes.find((n) => n.coupleId === c && n.status === "signed")?.id, "signed note")),
    measureSchedule: per((_rows, c) => need(schedules.find((s) => s.coupleId === c)?.id, "measure schedule")),
  };
}

async function main() {
  const out = process.argv[2];
  if (!out) throw new Error("usage: tsx scripts/e2e-fixtures.ts <ids file>");
  await runMigrations();
  const db = getRawDb();
  // The demo clinic first, exactly as the server would seed it: it seeds only into an empty database.
  if (demoSeedingEnabled()) await seedDemoIfEmpty(db);
  if (FIXTURE_PASSWORD !== DEMO_PASSWORD) throw new Error("the fixture accounts share the demo password");
  const today = todayIn(ZONE);
  const { ridgeway, northfield } = build(today, await hashPassword(FIXTURE_PASSWORD));
  markCouple(ridgeway.rows, ridgeway.coupleIds[0]!, "x", today);
  markCouple(ridgeway.rows, ridgeway.coupleIds[1]!, "y", today);
  markCouple(northfield.rows, northfield.coupleIds[0]!, "o", today);
  const unrevealed = addUnrevealed(ridgeway.rows, ridgeway.coupleIds[0]!, today);
  const schedules = scheduleMeasures([ridgeway, northfield], today);
  const existing = await db.select({ id: schema.clinics.id }).from(schema.clinics).where(eq(schema.clinics.name, RIDGEWAY));
  if (existing.length === 0) {
    await db.transaction(async (tx) => {
      await insertRows(tx, ridgeway.rows);
      await insertRows(tx, northfield.rows);
      await insertMeasureHistory(tx, ridgeway.rows, ridgeway.coupleIds[0]!, today, fixedId);
      await tx.insert(schema.measureSchedules).values(schedules);
    });
  }
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(idsOf(ridgeway, northfield, unrevealed, schedules), null, 2));
  console.log(`[mend] end-to-end fixture clinics ${existing.length === 0 ? "added" : "already present"}; ids in ${out}`);
}

main()
  .catch((error) => {
    console.error(`Could not prepare the end-to-end fixtures: ${error instanceof Error ? error.stack : error}`);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
