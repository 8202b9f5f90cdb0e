import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb } from "@/db";
import { clinics, measureSchedules } from "@/db/schema";
import { recurrenceEnum } from "@/db/schema/enums";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import { MEND_MEASURES } from "@/lib/measures/mend-measures";
import { addIsoDays } from "@/lib/metrics/dates";
import { EXERCISE_KINDS, STEP_DEFINITIONS, VISIBILITIES, assignableKindsForStep, type ExerciseKindId } from "@/lib/program";
import { listTimeZones, todayIn } from "@/lib/time/zone";
import {
  FUZZ_RUNS,
  answerFromFields,
  answerToFormEntries,
  asEntries,
  formOf,
  fuzzParameters,
  hostileForm,
  idFrom,
  safeString,
  toFormData,
  validDay,
  validEmail,
  validPassword,
  validText,
  type FormEntries,
} from "../support/arbitraries";
import { FIXTURE_PASSWORD, createClinic, db, type FixtureClinic, type FixtureCouple, type FixtureUser } from "../support/fixtures";
import { currentTestSession, signInAs } from "../support/session";

/**
 * Every server action against random and hostile forms and bound ids, as the viewer it is meant
 * for (and now and then as someone else): it answers with a form state or Next's redirect or
 * not-found, never an unexpected error (which the wrapper would log and show as "something went
 * wrong", the 500 of a form), and a refused request leaves every table's row count unchanged.
 */

// Outside a request there is no cache to refresh and no request headers; the actions only read them.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));
// Signing in itself is mocked (tests/integration/setup.ts); only its error class is read here.
vi.mock("next-auth", () => ({ CredentialsSignin: class CredentialsSignin extends Error {} }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "localhost:3000", "user-agent": "fuzz" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
}));

/** Rows written to record the attempt itself (who tried what, sessions, throttles): allowed on a refusal. */
const LEDGER_TABLES = new Set(["audit_events", "user_sessions", "rate_limits"]);

type World = {
  partnerA: FixtureUser;
  partnerB: FixtureUser;
  counsellor: FixtureUser;
  counsellor2: FixtureUser;
  admin: FixtureUser;
  strangers: (FixtureUser | null)[];
  coupleId: string;
  today: string;
  ids: Record<"couple" | "assignment" | "promise" | "agreement" | "note" | "user" | "measureSchedule", string[]>;
  kindOfAssignment: Map<string, ExerciseKindId>;
};
type Case = { args: unknown[]; form: FormEntries };
type Fuzz = {
  /** The viewer the action is meant for; null for signed out. */
  as: (w: World) => FixtureUser | null;
  /** Random bound arguments and form. */
  cases: (w: World) => fc.Arbitrary<Case>;
  /** A plainAction (no form state): resolves to nothing. */
  plain?: boolean;
};

const noForm = hostileForm([]);
const withArgs = (args: fc.Arbitrary<unknown>[], f: fc.Arbitrary<FormEntries>) =>
  fc.tuple(fc.tuple(...args), f).map(([a, entries]): Case => ({ args: a, form: entries }));
const choice = (name: string, values: string[]) => formOf([name], fc.constantFrom(...values).map((v): FormEntries => [[name, v]]));

const stepsWithWork = STEP_DEFINITIONS.map((s) => s.number).filter((n) => assignableKindsForStep(n).length > 0);
const assignmentForm = (w: World) =>
  formOf(
    ["step", "exerciseKind", "forUserId", "dueOn", "recurrence", "instructions"],
    fc.constantFrom(...stepsWithWork).chain((step) =>
      fc
        .record({
          step: fc.constant(step),
          exerciseKind: fc.constantFrom(...assignableKindsForStep(step).map((k) => k.id)),
          forUserId: fc.constantFrom("both", w.partnerA.id, w.partnerB.id, w.counsellor.id),
          dueOn: validDay(Number(w.today.slice(0, 4)) + 1, 2100),
          recurrence: fc.constantFrom(...recurrenceEnum.enumValues),
          instructions: validText(2000, 0),
        })
        .map(asEntries),
    ),
  );
const noteForm = formOf(
  ["format", "intent", "subjective", "objective", "assessment", "plan", "data", "body"],
  fc.record({ format: fc.constantFrom("soap", "dap", "free"), intent: fc.constantFrom("draft", "sign"), plan: validText(10_000), body: validText(10_000) }).map(asEntries),
);
const invitee = (prefix: string) => fc.record({ [`${prefix}name`]: validText(100), [`${prefix}email`]: validEmail });
const codeForm = formOf(["code"], fc.stringMatching(/^\d{6}$/).map((code): FormEntries => [["code", code]]));
const zoneForm = (extra: string[]) => formOf(["timeZone"], fc.constantFrom(...extra, ...listTimeZones()).map((z): FormEntries => [["timeZone", z]]));

/** Every exported server action, by "use server" file and export name. */
const FUZZ_TABLE: Record<string, Fuzz> = {
  "app/(auth)/actions.ts#signInAction": {
    as: () => null,
    cases: () => withArgs([], formOf(["email", "password", "callbackUrl"], fc.record({ email: validEmail, password: validPassword, callbackUrl: fc.constantFrom("/", "/today", "https://evil.test") }).map(asEntries))),
  },
  "app/(auth)/invite/[token]/actions.ts#acceptInvitationAction": {
    as: () => null,
    cases: () =>
      withArgs([], formOf(["token", "password", "confirm"], fc.tuple(fc.string({ minLength: 20, maxLength: 60 }), validPassword).map(([token, p]): FormEntries => [["token", token], ["password", p], ["confirm", p]]))),
  },
  "app/(auth)/session/actions.ts#sessionDeadlineAction": { as: (w) => w.partnerA, cases: () => withArgs([], noForm) },
  "app/(auth)/session/actions.ts#staySignedInAction": { as: (w) => w.partnerA, cases: () => withArgs([], noForm) },
  "app/account/actions.ts#changePasswordAction": {
    as: (w) => w.partnerB,
    cases: () =>
      withArgs([], formOf(["current", "password", "confirm"], fc.tuple(fc.constantFrom(FIXTURE_PASSWORD, "wrong password!"), validPassword).map(([c, p]): FormEntries => [["current", c], ["password", p], ["confirm", p]]))),
  },
  "app/account/time-zone-actions.ts#setMyTimeZoneAction": { as: (w) => w.partnerA, cases: () => withArgs([], zoneForm(["clinic"])) },
  "app/account/two-factor/actions.ts#enableSecondFactorAction": { as: (w) => w.counsellor, cases: () => withArgs([], codeForm) },
  "app/account/two-factor/actions.ts#disableSecondFactorAction": { as: (w) => w.counsellor, cases: () => withArgs([], codeForm) },
  "app/(auth)/login/second-factor/actions.ts#verifySecondFactorAction": { as: (w) => w.counsellor2, cases: () => withArgs([], codeForm) },
  "app/(auth)/login/second-factor/actions.ts#confirmSignInEnrolmentAction": { as: (w) => w.counsellor2, cases: () => withArgs([], codeForm) },
  "app/(partner)/check-in/actions.ts#saveCheckInAction": {
    as: (w) => w.partnerA,
    cases: (w) =>
      withArgs(
        [],
        formOf(
          ["trust", "closeness", "mood", "contact", "note", "noteVisibility", "date"],
          fc.tuple(answerFromFields(EXERCISE_KINDS.daily_check_in.fields), fc.constantFrom(w.today, "", "2020-01-01")).map(([a, date]) => asEntries({ ...a, date })),
        ),
      ),
  },
  "app/(partner)/exercises/[assignmentId]/actions.ts#saveExerciseAction": {
    as: (w) => w.partnerA,
    cases: (w) =>
      idFrom(w.ids.assignment).chain((id) => {
        const kind = typeof id === "string" ? w.kindOfAssignment.get(id) : undefined;
        const answer = kind ? answerFromFields(EXERCISE_KINDS[kind].fields).map(answerToFormEntries) : fc.constant<FormEntries>([]);
        const controls = fc.record({ intent: fc.constantFrom("draft", "submit"), visibility: fc.constantFrom(...VISIBILITIES) }).map(asEntries);
        const valid = fc.tuple(answer, controls).map(([a, c]) => [...a, ...c]);
        const names = kind ? EXERCISE_KINDS[kind].fields.map((f) => `answer.${f.name}`) : [];
        return formOf([...names, "intent", "visibility"], valid).map((entries): Case => ({ args: [id], form: entries }));
      }),
  },
  "app/(partner)/measures/[scheduleId]/actions.ts#submitMeasureAction": {
    as: (w) => w.partnerA,
    cases: (w) =>
      withArgs(
        [idFrom(w.ids.measureSchedule)],
        formOf(
          ["occasionOn", ...RELATIONSHIP_CHECK.items.map((i) => `answers.${i.id}`)],
          fc
            .tuple(fc.constantFrom(addIsoDays(w.today, -1), w.today, "", "2020-01-01"), fc.tuple(...RELATIONSHIP_CHECK.items.map(() => fc.constantFrom("0", "2", "4", "", "9"))))
            .map(([occasionOn, values]): FormEntries => [["occasionOn", occasionOn], ...RELATIONSHIP_CHECK.items.map((i, n): [string, string] => [`answers.${i.id}`, values[n]!])]),
        ),
      ),
  },
  "app/(partner)/agreements/actions.ts#proposeAgreementAction": {
    as: (w) => w.partnerA,
    cases: () => withArgs([], formOf(["title", "details", "checkInsPerWeek"], fc.record({ title: validText(200), details: validText(4000, 0), checkInsPerWeek: fc.integer({ min: 1, max: 7 }) }).map(asEntries))),
  },
  "app/(partner)/agreements/actions.ts#respondToAgreementAction": {
    as: (w) => w.partnerB,
    cases: (w) => withArgs([idFrom(w.ids.agreement)], choice("choice", ["accept", "decline"])),
  },
  "app/(partner)/agreements/actions.ts#undoAgreementAcceptanceAction": { as: (w) => w.partnerB, cases: (w) => withArgs([idFrom(w.ids.agreement)], noForm) },
  "app/(partner)/agreements/actions.ts#endAgreementAction": { as: (w) => w.partnerA, cases: (w) => withArgs([idFrom(w.ids.agreement)], noForm) },
  "app/(partner)/promises/actions.ts#makePromiseAction": {
    as: (w) => w.partnerA,
    cases: () => withArgs([], formOf(EXERCISE_KINDS.promise.fields.map((f) => f.name), answerFromFields(EXERCISE_KINDS.promise.fields).map(asEntries))),
  },
  "app/(partner)/promises/actions.ts#confirmPromiseAction": { as: (w) => w.partnerB, cases: (w) => withArgs([idFrom(w.ids.promise)], choice("choice", ["kept", "broken"])) },
  "app/(partner)/promises/actions.ts#undoPromiseConfirmationAction": { as: (w) => w.partnerB, cases: (w) => withArgs([idFrom(w.ids.promise)], noForm) },
  "app/(partner)/promises/actions.ts#releasePromiseAction": { as: (w) => w.partnerA, cases: (w) => withArgs([idFrom(w.ids.promise)], noForm) },
  "app/(counsellor)/couples/new/actions.ts#createCoupleAction": {
    as: (w) => w.counsellor,
    cases: () =>
      withArgs(
        [],
        formOf(
          ["name", "startedOn", "partners.0.name", "partners.0.email", "partners.1.name", "partners.1.email"],
          fc.tuple(validText(100), validDay(), invitee("partners.0."), invitee("partners.1.")).map(([name, startedOn, a, b]) => asEntries({ name, startedOn, ...a, ...b })),
        ),
      ),
  },
  "app/(counsellor)/couples/[coupleId]/actions.ts#assignAction": { as: (w) => w.counsellor, cases: (w) => withArgs([idFrom([w.coupleId])], assignmentForm(w)) },
  "app/(counsellor)/couples/[coupleId]/actions.ts#updateAssignmentAction": {
    as: (w) => w.counsellor,
    cases: (w) => withArgs([idFrom([w.coupleId]), idFrom(w.ids.assignment)], assignmentForm(w)),
  },
  "app/(counsellor)/couples/[coupleId]/actions.ts#cancelAssignmentAction": {
    as: (w) => w.counsellor,
    cases: (w) => withArgs([idFrom([w.coupleId]), idFrom(w.ids.assignment)], noForm),
  },
  "app/(counsellor)/couples/[coupleId]/actions.ts#completeStepAction": {
    as: (w) => w.counsellor,
    cases: (w) => withArgs([idFrom([w.coupleId])], formOf(["step"], fc.integer({ min: 0, max: 11 }).map((s): FormEntries => [["step", String(s)]]))),
  },
  "app/(counsellor)/couples/[coupleId]/actions.ts#saveNoteAction": {
    as: (w) => w.counsellor,
    cases: (w) => withArgs([idFrom([w.coupleId]), fc.oneof(fc.constant(null), idFrom(w.ids.note))], noteForm),
  },
  "app/(counsellor)/couples/[coupleId]/actions.ts#addendumAction": {
    as: (w) => w.counsellor,
    cases: (w) => withArgs([idFrom([w.coupleId]), idFrom(w.ids.note)], noteForm),
  },
  "app/(counsellor)/couples/[coupleId]/actions.ts#reissueInvitationAction": { as: (w) => w.counsellor, cases: (w) => withArgs([idFrom([w.coupleId]), idFrom([])], noForm) },
  "app/(counsellor)/couples/[coupleId]/actions.ts#clearSafetyAction": { as: (w) => w.counsellor, cases: (w) => withArgs([idFrom([w.coupleId])], noForm) },
  "app/(counsellor)/couples/[coupleId]/actions.ts#pauseJointWorkAction": { as: (w) => w.counsellor, cases: (w) => withArgs([idFrom([w.coupleId])], noForm) },
  "app/(counsellor)/couples/[coupleId]/actions.ts#resumeJointWorkAction": { as: (w) => w.counsellor, cases: (w) => withArgs([idFrom([w.coupleId])], noForm) },
  "app/(counsellor)/couples/[coupleId]/measures-actions.ts#scheduleMeasureAction": {
    as: (w) => w.counsellor,
    cases: (w) => {
      const day = fc.integer({ min: -3, max: 800 }).map((d) => new Date(Date.parse(`${w.today}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10));
      const schedule = fc.record({
        measureKey: fc.constantFrom("mend-trust-check", "mend-relationship-check", "not-a-measure"),
        everyWeeks: fc.integer({ min: -1, max: 13 }).map(String),
        startsOn: day,
        endsOn: fc.oneof(fc.constant(""), day),
      });
      return withArgs([idFrom([w.coupleId])], formOf(["measureKey", "everyWeeks", "startsOn", "endsOn"], schedule.map(asEntries)));
    },
  },
  "app/(counsellor)/couples/[coupleId]/measures-actions.ts#stopMeasureScheduleAction": { as: (w) => w.counsellor, cases: (w) => withArgs([idFrom([w.coupleId]), idFrom([])], noForm) },
  "app/(clinic)/clinic/actions.ts#reassignCoupleAction": {
    as: (w) => w.admin,
    cases: (w) =>
      withArgs([], formOf(["coupleId", "counsellorId"], fc.record({ coupleId: idFrom(w.ids.couple), counsellorId: idFrom([w.counsellor.id, w.counsellor2.id]) }).map(asEntries))),
  },
  "app/(clinic)/clinic/actions.ts#inviteCounsellorAction": { as: (w) => w.admin, cases: () => withArgs([], formOf(["name", "email"], invitee("").map(asEntries))) },
  // Any text where a FHIR Questionnaire belongs: refused with the list of what is wrong, nothing written.
  "app/(clinic)/clinic/measures/actions.ts#importMeasureAction": { as: (w) => w.admin, cases: () => withArgs([], formOf(["pasted"], validText(2000).map((pasted) => asEntries({ pasted })))) },
  "app/(clinic)/clinic/settings/actions.ts#setClinicTimeZoneAction": { as: (w) => w.admin, cases: () => withArgs([], zoneForm([])) },
  "app/(clinic)/clinic/settings/two-factor-actions.ts#resetSecondFactorAction": {
    as: (w) => w.admin,
    cases: (w) => withArgs([], formOf(["counsellorId"], idFrom([w.counsellor.id, w.counsellor2.id]).map((id): FormEntries => [["counsellorId", safeString(id)]]))),
  },
  // Last: these change who may do what for the rest of the file (put back after their run).
  "app/(clinic)/clinic/settings/two-factor-actions.ts#clinicTwoFactorAction": { as: (w) => w.admin, cases: () => withArgs([], formOf(["required"], fc.constant<FormEntries>([["required", "on"]]))) },
  "app/(clinic)/clinic/actions.ts#deactivateCounsellorAction": {
    as: (w) => w.admin,
    cases: (w) =>
      withArgs(
        [],
        formOf(
          ["counsellorId", ...w.ids.couple.map((id) => `couple:${id}`)],
          fc.record({ counsellorId: idFrom([w.counsellor2.id]), target: idFrom([w.counsellor.id]) }).map(({ counsellorId, target }) => [
            ["counsellorId", safeString(counsellorId)] as [string, string],
            ...w.ids.couple.map((id): [string, string] => [`couple:${id}`, safeString(target)]),
          ]),
        ),
      ),
  },
  "app/(auth)/login/second-factor/actions.ts#cancelSignInAction": { as: (w) => w.counsellor2, cases: () => withArgs([], noForm), plain: true },
  "app/(auth)/actions.ts#signOutAction": { as: (w) => w.partnerB, cases: () => withArgs([], noForm), plain: true },
};

/** Every "use server" file under app/, with its exported actions. */
async function serverActionModules(): Promise<Map<string, Record<string, unknown>>> {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && /^\s*["']use server["'];?/.test(readFileSync(path, "utf8"))) files.push(path);
    }
  };
  walk(join(root, "app"));
  const modules = new Map<string, Record<string, unknown>>();
  for (const file of files.sort()) modules.set(relative(root, file), (await import(/* @vite-ignore */ file)) as Record<string, unknown>);
  return modules;
}

/**
 * Cases per action. Each runs the action against the database, ~15–40 ms here, so the quick
 * pass runs fewer than the schema fuzz; CI sets FUZZ_ACTION_RUNS for the long pass.
 */
const ACTION_RUNS = Math.max(1, Number.parseInt(process.env.FUZZ_ACTION_RUNS ?? "", 10) || Math.ceil(FUZZ_RUNS / 4));

/** Where an action goes after a write that went through; any other redirect is a refusal and must write nothing. */
const SAVED_REDIRECT = /;\/(account\?changed=1|today\?answered=1|agreements\?(accepted|ended|undone)=[^;]+|clinic\/counsellors\?deactivated=1);/;

let world: World;

const RELATIONSHIP_CHECK = MEND_MEASURES.find((m) => m.key === "mend-relationship-check")!;

/** A live relationship check for the couple under test and one for another clinic's couple, started yesterday (UTC). */
async function fuzzSchedules(...couples: FixtureCouple[]): Promise<string[]> {
  const rows = await db()
    .insert(measureSchedules)
    .values(couples.map((c) => ({ coupleId: c.id, measureKey: RELATIONSHIP_CHECK.key, everyWeeks: 2, startsOn: addIsoDays(todayIn("UTC"), -1), createdBy: c.counsellorId })))
    .returning({ id: measureSchedules.id });
  return rows.map((r) => r.id);
}
let modules: Map<string, Record<string, unknown>>;
let countQuery: string;
let cases = 0;
const outcomes: Record<string, number> = {};

async function rowCounts(): Promise<Record<string, number>> {
  const result = (await db().execute(sql.raw(countQuery))) as unknown;
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { t: string; n: number | string }[];
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

function digestOf(error: unknown): string {
  return typeof error === "object" && error !== null && typeof (error as { digest?: unknown }).digest === "string" ? (error as { digest: string }).digest : "";
}

/**
 * Against a Postgres server the other files write to the same database at the same time, which
 * would move the counts: this file works in a database of its own there, dropped at the end.
 */
const ownDatabase = { admin: "", name: "" };
async function useOwnDatabase(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const name = `mend_fuzz_${process.pid}_${Date.now()}`;
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const own = new URL(url);
  own.pathname = `/${name}`;
  Object.assign(ownDatabase, { admin: url, name });
  process.env.DATABASE_URL = own.toString();
}

beforeAll(async () => {
  await useOwnDatabase();
  const clinic: FixtureClinic = await createClinic({ couplesPerCounsellor: [["improving", "steady"], ["stalled"]] });
  const other = await createClinic({ couplesPerCounsellor: [["improving"]] });
  const couple = clinic.couples[0]!;
  const [partnerA, partnerB] = couple.partners;
  const counsellor = clinic.counsellors.find((c) => c.id === couple.counsellorId)!;
  const counsellor2 = clinic.counsellors.find((c) => c.id !== couple.counsellorId)!;
  const mine = <T extends { coupleId?: string | null; id?: string | null }>(rows: T[]) => rows.filter((r) => r.coupleId === couple.id).map((r) => r.id!);
  world = {
    partnerA,
    partnerB,
    counsellor,
    counsellor2,
    admin: clinic.admin,
    strangers: [null, other.couples[0]!.partners[0], other.counsellors[0]!, other.admin, clinic.couples[1]!.partners[0], counsellor2],
    coupleId: couple.id,
    today: todayIn("UTC"),
    ids: {
      couple: [...clinic.couples.map((c) => c.id), other.couples[0]!.id],
      assignment: [...mine(clinic.rows.assignments), ...other.rows.assignments.slice(0, 2).map((r) => r.id!)],
      promise: [...mine(clinic.rows.promises), ...other.rows.promises.slice(0, 2).map((r) => r.id!)],
      agreement: [...mine(clinic.rows.agreements), ...other.rows.agreements.slice(0, 2).map((r) => r.id!)],
      note: [...mine(clinic.rows.notes), ...other.rows.notes.slice(0, 2).map((r) => r.id!)],
      user: clinic.rows.users.map((u) => u.id!),
      measureSchedule: await fuzzSchedules(couple, other.couples[0]!),
    },
    kindOfAssignment: new Map([...clinic.rows.assignments, ...other.rows.assignments].map((a) => [a.id!, a.exerciseKind as ExerciseKindId])),
  };
  const tables = (await db().execute(sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)) as unknown;
  const names = ((Array.isArray(tables) ? tables : (tables as { rows: unknown[] }).rows) as { t: string }[]).map((r) => r.t).filter((t) => !LEDGER_TABLES.has(t));
  countQuery = names.map((t) => `select '${t}' as t, count(*)::int as n from "${t}"`).join(" union all ");
  modules = await serverActionModules();
}, 120_000);

describe("every server action is fuzzed", () => {
  it("the fuzz table names every exported action of every \"use server\" file", () => {
    const exported = [...modules].flatMap(([file, exports]) => Object.entries(exports).filter(([, v]) => typeof v === "function").map(([name]) => `${file}#${name}`));
    expect(exported.filter((key) => !FUZZ_TABLE[key])).toEqual([]);
    expect(Object.keys(FUZZ_TABLE).filter((key) => !exported.includes(key))).toEqual([]);
  });
});

describe.each(Object.keys(FUZZ_TABLE))("%s", (key) => {
  it("answers every form with a state, a redirect or not-found, and a refusal writes nothing", async () => {
    const entry = FUZZ_TABLE[key]!;
    const [file, name] = key.split("#") as [string, string];
    const action = modules.get(file)?.[name] as (...params: unknown[]) => Promise<FormState<unknown> | void>;
    expect(action, key).toBeTypeOf("function");
    const viewer = fc.oneof({ weight: 5, arbitrary: fc.constant(entry.as(world)) }, { weight: 1, arbitrary: fc.constantFrom(...world.strangers) });
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    let counts: Record<string, number> | undefined;
    try {
      await fc.assert(
        fc.asyncProperty(viewer, entry.cases(world), async (who, { args, form: entries }) => {
          cases += 1;
          signInAs(who);
          if (who) await currentTestSession();
          // The counts after the previous case are the counts before this one: one query per case.
          const before = counts ?? (await rowCounts());
          errors.mockClear();
          let outcome: string;
          try {
            const state = await (entry.plain ? action(...args, toFormData(entries)) : action(...args, initialFormState, toFormData(entries)));
            if (entry.plain) outcome = "done";
            else {
              expect(state, "a form state").toMatchObject({ status: expect.stringMatching(/^(ok|error)$/) });
              outcome = (state as FormState<unknown>).status;
            }
          } catch (error) {
            const digest = digestOf(error);
            if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) outcome = "not-found";
            else if (digest.startsWith("NEXT_REDIRECT")) outcome = digest.includes(";/login") ? "to-login" : SAVED_REDIRECT.test(digest) ? "redirect" : "sent-away";
            else throw new Error(`${key} threw ${String(error)}`, { cause: error });
          }
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
          expect(errors.mock.calls.map((c) => c.map(String).join(" ")), `${key} logged an unexpected error (${outcome})`).toEqual([]);
          counts = await rowCounts();
          if (outcome !== "ok" && outcome !== "redirect") expect(counts, `${key} refused (${outcome}) but wrote`).toEqual(before);
        }),
        fuzzParameters(ACTION_RUNS),
      );
    } finally {
      errors.mockRestore();
      // Put back what the disruptive actions change, so the rest of the file sees the same clinic.
      await db().update(clinics).set({ requireStaffTwoFactor: false }).where(eq(clinics.id, world.admin.clinicId));
    }
    // Up to ~100 ms a case on a busy machine (a password check is ~70 ms of it).
  }, 30_000 + ACTION_RUNS * 250);
});

afterAll(async () => {
  if (ownDatabase.name) {
    await closeDb();
    const admin = postgres(ownDatabase.admin, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`drop database if exists ${ownDatabase.name} with (force)`).finally(() => admin.end());
  }
  const summary = Object.entries(outcomes)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
  console.log(`[fuzz] actions: ${Object.keys(FUZZ_TABLE).length} actions, ${cases} cases (FUZZ_ACTION_RUNS=${ACTION_RUNS}): ${summary}`);
});
