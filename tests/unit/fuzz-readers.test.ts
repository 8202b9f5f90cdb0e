import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { formDataToObject, formValues } from "@/lib/actions/form-data";
import { EXERCISE_KIND_IDS, EXERCISE_KINDS } from "@/lib/program";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { listTimeZones } from "@/lib/time/zone";
import { checkInFormValues } from "@/lib/validations/check-in";
import { MAX_RANGE_DAYS, parseDateRange, readReassignments } from "@/lib/validations/clinic";
import { formDataToAnswer } from "@/lib/validations/exercise-form";
import { parseDueAt } from "@/lib/validations/promises";
import { isSaneDay } from "@/lib/validations/url-params";
import { FUZZ_RUNS, fuzzParameters, hostileForm, hostileString, hostileValue, searchParamsRecord, toFormData, validDay } from "@/tests/support/arbitraries";

/**
 * The hand-written readers between a request and a schema (form fields, the clinic's date range,
 * the sign-in callback): whatever arrives, they answer without throwing, and what they hand on
 * is of the shape the next step expects.
 */

let cases = 0;
/** The long pass runs 1,000 cases a property: give each property time in proportion. */
const TIMEOUT = 5_000 + FUZZ_RUNS * 60;
const counted = <T extends unknown[]>(check: (...args: T) => void) => (...args: T) => {
  cases += 1;
  check(...args);
};
const anyForm = hostileForm(["__proto__.polluted", "constructor.prototype.polluted", "answer.a", "answer.list.0.x", "couple:x", "trust", "date", "partners.0.email"]).map(toFormData);

describe("form readers", () => {
  it("formDataToObject and formValues read any form into plain records, never touching prototypes", () => {
    fc.assert(
      fc.property(
        anyForm,
        counted((form: FormData) => {
          const object = formDataToObject(form);
          const values = formValues(form);
          expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          for (const value of Object.values(values)) expect(typeof value).toBe("string");
          expect(Object.keys(values).some((k) => ["password", "confirm", "current", "token"].includes(k))).toBe(false);
        }),
      ),
      fuzzParameters(),
    );
  }, TIMEOUT);

  it("checkInFormValues and readReassignments hand on strings only", () => {
    fc.assert(
      fc.property(
        anyForm,
        counted((form: FormData) => {
          for (const value of Object.values(checkInFormValues(form))) expect(typeof value).toBe("string");
          for (const value of Object.values(readReassignments(form))) expect(typeof value).toBe("string");
        }),
      ),
      fuzzParameters(),
    );
  }, TIMEOUT);

  it.each(EXERCISE_KIND_IDS)("formDataToAnswer reads any form for the kind %s", (id) => {
    const fields = EXERCISE_KINDS[id].fields;
    const names = fields.flatMap((f) => [`answer.${f.name}`, ...(f.itemFields ?? []).map((i) => `answer.${f.name}.0.${i.name}`), `answer.${f.name}.250.x`]);
    fc.assert(
      fc.property(
        hostileForm(names).map(toFormData),
        counted((form: FormData) => {
          const answer = formDataToAnswer(fields, form);
          expect(Object.keys(answer).sort()).toEqual(fields.map((f) => f.name).sort());
          for (const field of fields) {
            const value = answer[field.name];
            if (field.kind === "list") expect((value as unknown[]).length).toBeLessThanOrEqual(200);
            else expect(typeof value).toBe("string");
          }
        }),
      ),
      fuzzParameters(),
    );
  }, TIMEOUT);
});

describe("URL readers", () => {
  it("parseDateRange answers any from/to with a sane range of at most five years, or a message", () => {
    fc.assert(
      fc.property(
        searchParamsRecord(["from", "to"]),
        validDay(2001, 2099),
        counted((params: Record<string, unknown>, today: string) => {
          const result = parseDateRange(params, today);
          if (!result.ok) {
            expect(result.message).toEqual(expect.any(String));
            return;
          }
          expect(isSaneDay(result.range.from) && isSaneDay(result.range.to)).toBe(true);
          expect(result.range.from <= result.range.to).toBe(true);
          const days = (Date.parse(result.range.to) - Date.parse(result.range.from)) / 86_400_000 + 1;
          expect(days).toBeLessThanOrEqual(MAX_RANGE_DAYS);
        }),
      ),
      fuzzParameters(),
    );
  }, TIMEOUT);

  it("safeRedirectPath keeps any callback inside the app", () => {
    fc.assert(
      fc.property(
        fc.oneof(hostileString, hostileValue, hostileString.map((s) => `/${s}`), hostileString.map((s) => `//${s}`)),
        counted((target: unknown) => {
          const path = safeRedirectPath(target, "/");
          expect(path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")).toBe(true);
          expect(path).not.toMatch(/[\u0000-\u001f\u007f]/);
        }),
      ),
      fuzzParameters(),
    );
  }, TIMEOUT);

  it("parseDueAt reads any typed due time in any zone without throwing", () => {
    const zones = listTimeZones();
    fc.assert(
      fc.property(
        hostileString,
        fc.constantFrom(...zones),
        counted((value: string, zone: string) => {
          expect(parseDueAt(value, zone)).toBeInstanceOf(Date);
        }),
      ),
      fuzzParameters(),
    );
  }, TIMEOUT);
});

afterAll(() => {
  console.log(`[fuzz] readers: ${cases} cases (FUZZ_RUNS=${FUZZ_RUNS})`);
});
