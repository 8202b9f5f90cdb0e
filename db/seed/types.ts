import type { Profile } from "./profiles";
import type * as schema from "../schema";

/** How a couple's story goes over the seeded period; drives trust, adherence, promises and steps. */
export type Trajectory = "improving" | "stalled" | "declining" | "just_started" | "steady" | "paused";

export type CounsellorSpec = { email: string; name: string; couples: CoupleSpec[] };
export type CoupleSpec = {
  trajectory: Trajectory;
  partners?: [{ email: string; name: string }, { email: string; name: string }];
  /** Leave today's check-in undone for both partners (the demo's Alex and Sam check in live). */
  skipToday?: boolean;
  safetyConcern?: boolean;
  /** Overrides parts of the trajectory's profile (a later start, steadier check-ins) for this couple. */
  profile?: Partial<Profile>;
};

export type ClinicSpec = {
  seed: number;
  today: string;
  /** Days of history for every couple that is not just starting. */
  days: number;
  clinicName: string;
  /** The clinic's IANA time zone; "UTC" when absent. `today` is a day on its calendar. */
  timeZone?: string;
  emailDomain: string;
  admin: { email: string; name: string };
  counsellors: CounsellorSpec[];
  passwordHash: string;
};

type Insert<T extends { $inferInsert: unknown }> = T["$inferInsert"];

/** Every row of one clinic, ready to insert in foreign-key order. */
export type ClinicRows = {
  clinic: Insert<typeof schema.clinics>;
  users: Insert<typeof schema.users>[];
  couples: Insert<typeof schema.couples>[];
  coupleMembers: Insert<typeof schema.coupleMembers>[];
  stepProgress: Insert<typeof schema.stepProgress>[];
  assignments: Insert<typeof schema.assignments>[];
  exerciseResponses: Insert<typeof schema.exerciseResponses>[];
  checkIns: Insert<typeof schema.checkIns>[];
  agreements: Insert<typeof schema.agreements>[];
  promises: Insert<typeof schema.promises>[];
  safetyConcerns: Insert<typeof schema.safetyConcerns>[];
  notes: Insert<typeof schema.notes>[];
};
