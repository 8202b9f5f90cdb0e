import { Faker, en, en_GB } from "@faker-js/faker";
import { differenceInCalendarDays, parseISO } from "date-fns";
import { addCoupleHistory, plus, type CoupleContext, type SeedContext } from "./couple-history";
import { profileFor } from "./profiles";
import type { ClinicRows, ClinicSpec } from "./types";
import type { Role } from "../schema/enums";

export type { ClinicRows, ClinicSpec, CoupleSpec, CounsellorSpec, Trajectory } from "./types";

/**
 * Builds a whole clinic of believable, made-up history. Deterministic for a given seed and
 * "today": the same inputs give the same rows, ids included. Every random draw comes from one
 * seeded faker, in a fixed order (people, then each couple's history in couple-history.ts), so
 * reordering those calls changes the demo clinic.
 */
export function buildClinic(spec: ClinicSpec): ClinicRows {
  const faker = new Faker({ locale: [en_GB, en], seed: spec.seed });
  const id = () => faker.string.uuid();
  const ts = (day: string, hour = 12) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);
  const usedEmails = new Set<string>();
  const email = (first: string, last: string) => {
    const base = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "");
    let candidate = `${base}@${spec.emailDomain}`;
    for (let n = 2; usedEmails.has(candidate); n++) candidate = `${base}${n}@${spec.emailDomain}`;
    usedEmails.add(candidate);
    return candidate;
  };

  const rows: ClinicRows = {
    clinic: { id: id(), name: spec.clinicName, timeZone: spec.timeZone ?? "UTC" },
    users: [],
    couples: [],
    coupleMembers: [],
    stepProgress: [],
    assignments: [],
    exerciseResponses: [],
    checkIns: [],
    agreements: [],
    promises: [],
    safetyConcerns: [],
    notes: [],
  };
  const clinicId = rows.clinic.id!;
  const context: SeedContext = { spec, faker, id, ts, rows, clinicId };
  const addUser = (role: Role, address: string, name: string) => {
    usedEmails.add(address);
    const userId = id();
    rows.users.push({ id: userId, clinicId, role, email: address, name, passwordHash: spec.passwordHash });
    return userId;
  };

  addUser("clinic_admin", spec.admin.email, spec.admin.name);

  for (const counsellor of spec.counsellors) {
    const counsellorId = addUser("counsellor", counsellor.email, counsellor.name);
    for (const coupleSpec of counsellor.couples) {
      const profile = { ...profileFor(coupleSpec.trajectory, spec.days), ...coupleSpec.profile };
      const startedOn = plus(spec.today, -profile.startDaysAgo);
      const people =
        coupleSpec.partners ??
        ([0, 1].map(() => {
          const first = faker.person.firstName();
          const last = faker.person.lastName();
          return { email: email(first, last), name: `${first} ${last}` };
        }) as [{ email: string; name: string }, { email: string; name: string }]);
      const partnerIds: [string, string] = [addUser("partner", people[0].email, people[0].name), addUser("partner", people[1].email, people[1].name)];
      const totalDays = differenceInCalendarDays(parseISO(spec.today), parseISO(startedOn));
      // Steps are evenly spaced up to the current one, which is in progress.
      const stepLength = Math.max(3, Math.floor(totalDays / profile.currentStep));
      const couple: CoupleContext = {
        id: id(),
        counsellorId,
        spec: coupleSpec,
        profile,
        startedOn,
        totalDays,
        partnerIds,
        firstNames: [people[0].name.split(" ")[0]!, people[1].name.split(" ")[0]!],
        stepStart: (n: number) => plus(startedOn, (n - 1) * stepLength),
      };
      addCoupleHistory(context, couple);
    }
  }
  return rows;
}
