import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { coupleStatusEnum, noteFormatEnum, recurrenceEnum } from "@/db/schema/enums";
import * as actionSchemas from "@/lib/actions/schemas";
import { AUDIT_ACTION_NAMES } from "@/lib/audit/actions";
import * as program from "@/lib/program";
import { EXERCISE_KIND_IDS, EXERCISE_KINDS, STEP_DEFINITIONS, TEXTAREA_MAX, TEXT_MAX, VISIBILITIES, assignableKindsForStep } from "@/lib/program";
import { listTimeZones } from "@/lib/time/zone";
import { CASELOAD_FLAG_FILTERS, CASELOAD_SORTS, PAGE_SIZES } from "@/lib/validations/caseload";
import { auditQuerySchema } from "@/lib/validations/clinic";
import {
  FUZZ_RUNS,
  answerFromFields,
  fuzzParameters,
  hostileRecord,
  hostileValue,
  mutateRecord,
  numeralOrNumber,
  searchParamsRecord,
  stringsIn,
  validDay,
  validEmail,
  validPassword,
  validText,
} from "@/tests/support/arbitraries";
import type { z } from "zod";

/**
 * Every zod schema that reads input from outside (forms, bound ids, URL parameters, exercise
 * answers) against random and hostile values: parsing never throws, valid values are accepted,
 * and what comes out holds no NUL byte (Postgres refuses it in text) and no text over the cap.
 */

type Schema = z.ZodType;
type Entry = {
  schema: Schema;
  /** Values the schema must accept. */
  valid: fc.Arbitrary<unknown>;
  /** Longest text the output may hold. */
  maxText: number;
  /**
   * Fields never stored as typed, so NUL and length are harmless there: secrets (hashed or
   * compared), and values the data layer reads only as an id (`parseIdOrNotFound`) or from a fixed list.
   */
  unstored?: string[];
  /** A URL schema: whatever the URL holds, it parses (unreadable values fall back to defaults). */
  url?: boolean;
};

const TODAY = "2026-06-01";
const zones = listTimeZones();
const uuid = fc.uuid({ version: 4 });
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
/** A record without its undefined keys, as a form that left a field out. */
const present = <T extends Record<string, unknown>>(a: fc.Arbitrary<T>) =>
  a.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));

const stepsWithWork = STEP_DEFINITIONS.map((s) => s.number).filter((n) => assignableKindsForStep(n).length > 0);
const assignment = fc.constantFrom(...stepsWithWork).chain((step) =>
  present(
    fc.record({
      step: numeralOrNumber(fc.constant(step)),
      exerciseKind: fc.constantFrom(...assignableKindsForStep(step).map((k) => k.id)),
      forUserId: fc.oneof(fc.constantFrom("both", "", " both "), uuid),
      dueOn: validDay(2026, 2100).filter((d) => d >= TODAY),
      recurrence: fc.constantFrom(...recurrenceEnum.enumValues),
      instructions: optional(validText(2000, 0)),
    }),
  ),
);
const invitee = fc.record({ name: validText(100), email: validEmail });
const note = fc.constantFrom(...noteFormatEnum.enumValues).chain((format) =>
  present(
    fc.record({
      format: fc.constant(format),
      intent: optional(fc.constantFrom("draft", "sign")),
      // The one section every format has, so the note is never wholly blank.
      subjective: optional(validText(10_000, 0)),
      objective: optional(validText(10_000, 0)),
      data: optional(validText(10_000, 0)),
      plan: validText(10_000),
      body: validText(10_000),
      assessment: optional(validText(10_000, 0)),
    }),
  ),
);
const noteSearch = present(fc.record({ q: optional(validText(100, 0)), from: optional(validDay()), to: optional(validDay()) }));

/** Every input schema, by where it is defined. Schemas shared by identity (aliases) are fuzzed once. */
const FUZZ_TABLE: Record<string, Entry> = {
  "actions/schemas idArg": { schema: actionSchemas.idArg, valid: uuid, maxText: 36 },
  "actions/schemas noFields": { schema: actionSchemas.noFields, valid: fc.dictionary(fc.string(), hostileValue, { maxKeys: 3 }), maxText: 0 },
  "validations/agreements agreementInputSchema": {
    schema: (await import("@/lib/validations/agreements")).agreementInputSchema,
    valid: present(
      fc.record({
        title: validText(TEXT_MAX),
        details: optional(validText(TEXTAREA_MAX, 0)),
        checkInsPerWeek: optional(fc.oneof(numeralOrNumber(fc.integer({ min: 1, max: 7 })), fc.constant(""))),
      }),
    ),
    maxText: TEXTAREA_MAX,
  },
  "validations/agreements agreementResponseSchema": {
    schema: (await import("@/lib/validations/agreements")).agreementResponseSchema,
    valid: fc.record({ choice: fc.constantFrom("accept", "decline") }),
    maxText: 7,
  },
  "validations/assignments assignmentSchema(today)": {
    schema: (await import("@/lib/validations/assignments")).assignmentSchema(TODAY),
    valid: assignment,
    maxText: 2000,
  },
  "validations/assignments stepDoneSchema": {
    schema: (await import("@/lib/validations/assignments")).stepDoneSchema,
    valid: fc.record({ step: numeralOrNumber(fc.integer({ min: 1, max: 10 })) }),
    maxText: 0,
  },
  "validations/auth signInSchema": {
    schema: (await import("@/lib/validations/auth")).signInSchema,
    valid: present(fc.record({ email: validEmail, password: validPassword, callbackUrl: optional(fc.string({ maxLength: 2000 })) })),
    maxText: 2000,
    unstored: ["password", "callbackUrl"],
  },
  "validations/auth changePasswordSchema": {
    schema: (await import("@/lib/validations/auth")).changePasswordSchema,
    valid: fc
      .tuple(validPassword, validPassword)
      .filter(([a, b]) => a !== b)
      .map(([current, password]) => ({ current, password, confirm: password })),
    maxText: 200,
    unstored: ["current", "password", "confirm"],
  },
  "validations/caseload caseloadQuerySchema": {
    schema: (await import("@/lib/validations/caseload")).caseloadQuerySchema,
    valid: present(
      fc.record({
        page: optional(numeralOrNumber(fc.integer({ min: 1, max: 10_000 }))),
        pageSize: optional(fc.constantFrom(...PAGE_SIZES).map(String)),
        sort: optional(fc.constantFrom(...CASELOAD_SORTS)),
        dir: optional(fc.constantFrom("asc", "desc")),
        q: optional(validText(100, 0)),
        status: optional(fc.constantFrom(...coupleStatusEnum.enumValues)),
        step: optional(fc.integer({ min: 1, max: 10 }).map(String)),
        flag: optional(fc.constantFrom(...CASELOAD_FLAG_FILTERS)),
      }),
    ),
    maxText: 100,
    url: true,
  },
  "validations/clinic reassignCoupleSchema": {
    schema: (await import("@/lib/validations/clinic")).reassignCoupleSchema,
    valid: fc.record({ coupleId: uuid, counsellorId: uuid }),
    maxText: 36,
    unstored: ["coupleId"],
  },
  "validations/clinic deactivateCounsellorSchema": {
    schema: (await import("@/lib/validations/clinic")).deactivateCounsellorSchema,
    valid: fc.record({ counsellorId: uuid, reassignments: fc.dictionary(uuid, uuid, { maxKeys: 4 }) }),
    maxText: 36,
    unstored: ["counsellorId", "reassignments"],
  },
  "validations/clinic auditQuerySchema": {
    schema: auditQuerySchema,
    valid: present(
      fc.record({
        page: optional(numeralOrNumber(fc.integer({ min: 1, max: 100_000 }))),
        actor: optional(uuid),
        action: optional(fc.constantFrom(...AUDIT_ACTION_NAMES)),
        from: optional(validDay()),
        to: optional(validDay()),
      }),
    ),
    maxText: 64,
    url: true,
  },
  // The audit-log export's query, as its route handler builds it.
  "route /clinic/export/audit-log query": {
    schema: auditQuerySchema.omit({ page: true }),
    valid: present(fc.record({ actor: optional(uuid), action: optional(fc.constantFrom(...AUDIT_ACTION_NAMES)), from: optional(validDay()), to: optional(validDay()) })),
    maxText: 64,
    url: true,
  },
  "validations/clinic auditPartnerSearchSchema": {
    schema: (await import("@/lib/validations/clinic")).auditPartnerSearchSchema,
    valid: validText(100, 2).filter((s) => s.trim().length >= 2 && !/[\u0000-\u001f\u007f]/.test(s)),
    maxText: 100,
  },
  "validations/clinic clinicCouplesQuerySchema": {
    schema: (await import("@/lib/validations/clinic")).clinicCouplesQuerySchema,
    valid: present(fc.record({ page: optional(fc.integer({ min: 1, max: 10_000 }).map(String)), q: optional(validText(100, 0)), counsellor: optional(uuid) })),
    maxText: 100,
    url: true,
  },
  "validations/couple-page couplePageQuerySchema": {
    schema: (await import("@/lib/validations/couple-page")).couplePageQuerySchema,
    valid: present(fc.record({ range: optional(fc.constantFrom("4w", "12w", "all")), nq: optional(validText(100, 0)), nfrom: optional(validDay()), nto: optional(validDay()) })),
    maxText: 100,
    url: true,
  },
  "validations/exercise-save exerciseSaveSchema": {
    schema: (await import("@/lib/validations/exercise-save")).exerciseSaveSchema,
    valid: present(fc.record({ intent: optional(fc.constantFrom("draft", "submit")), visibility: optional(fc.constantFrom(...VISIBILITIES)) })),
    maxText: 64,
    unstored: ["visibility"],
  },
  "validations/invitations inviteeSchema": {
    schema: (await import("@/lib/validations/invitations")).inviteeSchema,
    valid: invitee,
    maxText: 254,
  },
  "validations/invitations newCoupleSchema": {
    schema: (await import("@/lib/validations/invitations")).newCoupleSchema,
    valid: fc
      .record({ name: validText(100), startedOn: validDay(), partners: fc.tuple(invitee, invitee) })
      .filter((v) => v.partners[0].email.trim().toLowerCase() !== v.partners[1].email.trim().toLowerCase()),
    maxText: 254,
  },
  "validations/invitations acceptInvitationSchema": {
    schema: (await import("@/lib/validations/invitations")).acceptInvitationSchema,
    valid: fc
      .tuple(fc.string({ minLength: 20, maxLength: 200 }).filter((s) => s.length >= 20), validPassword)
      .map(([token, password]) => ({ token, password, confirm: password })),
    maxText: 200,
    unstored: ["token", "password", "confirm"],
  },
  "validations/measures measureImportSchema": {
    schema: (await import("@/lib/validations/measures")).measureImportSchema,
    valid: fc.record({ pasted: validText(2000) }),
    maxText: 256 * 1024,
  },
  "validations/measures measureScheduleSchema(today)": {
    schema: (await import("@/lib/validations/measures")).measureScheduleSchema(TODAY),
    valid: present(
      fc.record({
        measureKey: fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,20}$/),
        everyWeeks: optional(numeralOrNumber(fc.integer({ min: 1, max: 12 }))),
        startsOn: validDay(2026, 2027).filter((d) => d >= TODAY),
        endsOn: optional(fc.constant("")),
      }),
    ),
    maxText: 64,
  },
  "validations/measures measureResponseSchema": {
    schema: (await import("@/lib/validations/measures")).measureResponseSchema,
    valid: fc.record({
      occasionOn: validDay(),
      answers: fc.dictionary(fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,20}$/), numeralOrNumber(fc.integer({ min: 0, max: 10 }))),
    }),
    maxText: 64,
  },
  "validations/notes noteInputSchema": { schema: (await import("@/lib/validations/notes")).noteInputSchema, valid: note, maxText: 10_000 },
  "validations/notes noteSearchSchema": { schema: (await import("@/lib/validations/notes")).noteSearchSchema, valid: noteSearch, maxText: 100, url: true },
  "validations/promises promiseOutcomeSchema": {
    schema: (await import("@/lib/validations/promises")).promiseOutcomeSchema,
    valid: fc.constantFrom("kept", "broken"),
    maxText: 6,
  },
  "validations/promises promiseConfirmSchema": {
    schema: (await import("@/lib/validations/promises")).promiseConfirmSchema,
    valid: fc.record({ choice: fc.constantFrom("kept", "broken") }),
    maxText: 6,
  },
  "validations/second-factor secondFactorCodeSchema": {
    schema: (await import("@/lib/validations/second-factor")).secondFactorCodeSchema,
    valid: fc.record({ code: fc.oneof(fc.stringMatching(/^\d{6}$/), fc.stringMatching(/^[A-Z0-9]{4}(-?[A-Z0-9]{4}){3}$/)) }),
    maxText: 40,
    unstored: ["code"],
  },
  "validations/second-factor clinicTwoFactorSchema": {
    schema: (await import("@/lib/validations/second-factor")).clinicTwoFactorSchema,
    valid: present(fc.record({ required: optional(fc.constant("on")) })),
    maxText: 2,
  },
  "validations/second-factor resetSecondFactorSchema": {
    schema: (await import("@/lib/validations/second-factor")).resetSecondFactorSchema,
    valid: fc.record({ counsellorId: uuid }),
    maxText: 100,
    unstored: ["counsellorId"],
  },
  "validations/time-zone clinicTimeZoneSchema": {
    schema: (await import("@/lib/validations/time-zone")).clinicTimeZoneSchema,
    valid: fc.record({ timeZone: fc.constantFrom(...zones) }),
    maxText: 64,
  },
  "validations/time-zone myTimeZoneSchema": {
    schema: (await import("@/lib/validations/time-zone")).myTimeZoneSchema,
    valid: fc.record({ timeZone: fc.constantFrom("clinic", ...zones) }),
    maxText: 64,
  },
  "validations/url-params urlDay": { schema: (await import("@/lib/validations/url-params")).urlDay, valid: validDay(), maxText: 10 },
  "validations/url-params urlText(100)": {
    schema: (await import("@/lib/validations/url-params")).urlText(100),
    valid: validText(100, 0).filter((s) => !/[\u0000-\u001f\u007f]/.test(s)),
    maxText: 100,
  },
  "program checkInSchema": {
    schema: program.checkInSchema,
    valid: fc.tuple(answerFromFields(EXERCISE_KINDS.daily_check_in.fields), optional(validDay(1970, 2100))).map(([answer, date]) => (date ? { ...answer, date } : answer)),
    maxText: TEXTAREA_MAX,
  },
  ...Object.fromEntries(
    EXERCISE_KIND_IDS.filter((id) => EXERCISE_KINDS[id].schema !== program.checkInSchema).map((id) => [
      `program kind ${id}`,
      { schema: EXERCISE_KINDS[id].schema, valid: answerFromFields(EXERCISE_KINDS[id].fields), maxText: TEXTAREA_MAX } satisfies Entry,
    ]),
  ),
};

/** Exported functions of the schema modules that build a schema: each has an entry above. */
const SCHEMA_FACTORIES = new Set(["assignmentSchema", "urlText", "measureScheduleSchema"]);
/** Exported functions of the schema modules that build no schema (readers, labels, checks). */
const NOT_SCHEMA_FACTORIES = new Set([
  "agreementPhase", "agreementDates", "frequencyLabel", "parseDateRange", "assertDateRange", "readReassignments",
  "auditRangeProblem", "controlName", "formDataToAnswer", "parseDueAt", "checkInFormValues", "isSaneDay",
  "historyLimit", "couplePageHref", "answerField", "measureAnswerErrors",
]);

function isZodSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && "_zod" in value && typeof (value as Schema).safeParse === "function";
}

/** The keys an object schema reads, through pipes, refinements, defaults and catches. */
function shapeKeys(schema: Schema): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def.type === "object") return Object.keys(def.shape as object);
  const inner = (def.in ?? def.innerType) as Schema | undefined;
  return inner ? shapeKeys(inner) : [];
}

let cases = 0;
/** The long pass runs 1,000 cases a property: give each property time in proportion. */
const TIMEOUT = 5_000 + FUZZ_RUNS * 60;

/** Parses without throwing; an accepted value holds no NUL byte (outside secrets) and no text over the cap. */
function check(name: string, entry: Entry, input: unknown, mustSucceed: boolean): void {
  cases += 1;
  let result: z.ZodSafeParseResult<unknown>;
  try {
    result = entry.schema.safeParse(input);
  } catch (error) {
    throw new Error(`${name} threw on ${describeInput(input)}: ${String(error)}`, { cause: error });
  }
  if (mustSucceed && !result.success) throw new Error(`${name} refused a valid ${describeInput(input)}: ${result.error.message}`);
  if (!result.success) return;
  for (const { path, text } of stringsIn(result.data)) {
    if (entry.unstored?.some((field) => path === `.${field}` || path.startsWith(`.${field}.`))) continue;
    if (text.includes("\u0000")) throw new Error(`${name} let a NUL byte through at ${path || "(root)"} from ${describeInput(input)}`);
    // Caps count characters (code points), as zod does.
    const length = Array.from(text).length;
    if (!path.endsWith("#key") && length > entry.maxText) throw new Error(`${name} let ${length} characters through at ${path} (cap ${entry.maxText})`);
  }
}

function describeInput(input: unknown): string {
  try {
    return JSON.stringify(input)?.slice(0, 300) ?? String(input);
  } catch {
    return String(input).slice(0, 300);
  }
}

describe("every input schema is fuzzed", () => {
  it("the fuzz table names every exported schema of the schema modules and every exercise kind", async () => {
    const folder = fileURLToPath(new URL("../../lib/validations/", import.meta.url));
    const modules: [string, Record<string, unknown>][] = [
      ["actions/schemas", actionSchemas],
      ["program", program],
      ...(await Promise.all(
        readdirSync(folder)
          .filter((f) => f.endsWith(".ts"))
          .map(async (f): Promise<[string, Record<string, unknown>]> => [`validations/${f}`, (await import(/* @vite-ignore */ `${folder}${f}`)) as Record<string, unknown>]),
      )),
    ];
    const fuzzed = new Set(Object.values(FUZZ_TABLE).map((e) => e.schema));
    const missing: string[] = [];
    for (const [module, exports] of modules) {
      for (const [name, value] of Object.entries(exports)) {
        if (isZodSchema(value) && !fuzzed.has(value)) missing.push(`${module} ${name}`);
        if (typeof value === "function" && module.startsWith("validations/") && !SCHEMA_FACTORIES.has(name) && !NOT_SCHEMA_FACTORIES.has(name)) {
          missing.push(`${module} ${name}() (a schema factory? add it to the table; otherwise to NOT_SCHEMA_FACTORIES)`);
        }
      }
    }
    for (const id of EXERCISE_KIND_IDS) if (!fuzzed.has(EXERCISE_KINDS[id].schema)) missing.push(`exercise kind ${id}`);
    expect(missing).toEqual([]);
    expect(modules.length).toBeGreaterThan(10);
  });
});

describe.each(Object.entries(FUZZ_TABLE))("%s", (name, entry) => {
  const keys = shapeKeys(entry.schema);
  const [sample] = fc.sample(entry.valid, { numRuns: 1, seed: 1 });
  const takesRecords = typeof sample === "object" && sample !== null && !Array.isArray(sample);

  it("never throws on anything at all", () => {
    fc.assert(fc.property(hostileValue, (input) => check(name, entry, input, false)), fuzzParameters());
  }, TIMEOUT);

  it("never throws on its own fields holding anything", () => {
    fc.assert(fc.property(hostileRecord(keys), (input) => check(name, entry, input, false)), fuzzParameters());
  }, TIMEOUT);

  it("accepts valid values", () => {
    fc.assert(fc.property(entry.valid, (input) => check(name, entry, input, true)), fuzzParameters());
  }, TIMEOUT);

  if (takesRecords) it("never throws on a valid value with one field broken", () => {
    const base = entry.valid.filter((v): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v));
    fc.assert(fc.property(mutateRecord(base), (input) => check(name, entry, input, false)), fuzzParameters());
  }, TIMEOUT);

  if (entry.url) it("reads any URL without failing", () => {
    fc.assert(fc.property(searchParamsRecord(keys), (input) => check(name, entry, input, true)), fuzzParameters());
  }, TIMEOUT);
});

afterAll(() => {
  console.log(`[fuzz] schemas: ${Object.keys(FUZZ_TABLE).length} schemas, ${cases} cases (FUZZ_RUNS=${FUZZ_RUNS})`);
});
