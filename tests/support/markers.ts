/**
 * The people and private text of the two fixture clinics that the authorization matrix and the
 * leak sweep run against. scripts/e2e-fixtures.ts writes them into the end-to-end database before
 * the server starts; every free-text field carries a marker token naming what it is and whose,
 * so a page that shows a token shows exactly which private field escaped.
 *
 * Nothing here imports the app: Playwright specs read it as plain data.
 */

/** Everyone the matrix runs as. */
export const ACTORS = [
  "signedOut",
  "partnerA",
  "partnerB",
  "otherPartner",
  "counsellor",
  "otherCounsellor",
  "admin",
  "otherAdmin",
] as const;
export type Actor = (typeof ACTORS)[number];
/** The leak sweep also signs in the other clinic's counsellor, who must see that clinic's markers. */
export type SweepActor = Actor | "otherClinicCounsellor";

/** The fixture accounts' password (the demo's, so one argon2 hash serves every seeded account). */
export const FIXTURE_PASSWORD = "mend-demo";
export const RIDGEWAY_DOMAIN = "ridgeway.mend.test";
export const NORTHFIELD_DOMAIN = "northfield.mend.test";

export const ACCOUNT_EMAIL: Record<Exclude<SweepActor, "signedOut">, string> = {
  partnerA: `ava@${RIDGEWAY_DOMAIN}`,
  partnerB: `ben@${RIDGEWAY_DOMAIN}`,
  otherPartner: `cleo@${RIDGEWAY_DOMAIN}`,
  counsellor: `counsellor@${RIDGEWAY_DOMAIN}`,
  otherCounsellor: `counsellor2@${RIDGEWAY_DOMAIN}`,
  admin: `admin@${RIDGEWAY_DOMAIN}`,
  otherAdmin: `admin@${NORTHFIELD_DOMAIN}`,
  otherClinicCounsellor: `counsellor@${NORTHFIELD_DOMAIN}`,
};

/** x: the couple under test; y: another couple of the same clinic; o: a couple of another clinic. */
export type CoupleTag = "x" | "y" | "o";
export type Slot = "a" | "b";

/**
 * What a marker marks. Per slot: the partner who wrote it. `unrevealed`: a step-6 answer the other
 * partner has not answered yet.
 */
export type MarkerKind =
  | "couple-name"
  | "partner-name"
  | "checkin-shared"
  | "checkin-private"
  | "answer-shared"
  | "answer-private"
  | "safety-screen"
  | "unrevealed"
  | "promise"
  | "agreement"
  | "instructions"
  | "clinical-note";

/** The token written into a field: lower-case, hyphenated, no token a prefix of another. */
export function markerToken(couple: CoupleTag, kind: MarkerKind, slot?: Slot): string {
  return `zq-${couple}-${kind}${slot ? `-${slot}` : ""}-qz`;
}

/** The kinds written once per partner; the rest once per couple. */
export const PER_PARTNER: ReadonlySet<MarkerKind> = new Set(["partner-name", "checkin-shared", "checkin-private", "answer-shared", "answer-private", "safety-screen"]);

type CoupleCast = { a: SweepActor | null; b: SweepActor | null; counsellor: SweepActor | null; admin: SweepActor | null };
/** Which of the actors play which part in each fixture couple (null: no actor plays it). */
const CAST: Record<CoupleTag, CoupleCast> = {
  x: { a: "partnerA", b: "partnerB", counsellor: "counsellor", admin: "admin" },
  y: { a: "otherPartner", b: null, counsellor: "otherCounsellor", admin: "admin" },
  o: { a: null, b: null, counsellor: "otherClinicCounsellor", admin: "otherAdmin" },
};

/**
 * Who may see a marker (DESIGN.md, "Who sees what"): the couple's current counsellor sees all of
 * the couple's content; both partners see shared content; the writer alone (and the counsellor)
 * sees counsellor-only answers, safety screens and unrevealed answers; clinical notes are the
 * counsellor's alone; the clinic admin sees names only. Nobody else sees anything.
 */
export function allowedViewers(couple: CoupleTag, kind: MarkerKind, slot?: Slot): SweepActor[] {
  const cast = CAST[couple];
  const writer = slot ? cast[slot] : null;
  const list: (SweepActor | null)[] = (() => {
    switch (kind) {
      case "couple-name":
      case "partner-name":
        return [cast.a, cast.b, cast.counsellor, cast.admin];
      case "checkin-shared":
      case "answer-shared":
      case "promise":
      case "agreement":
      case "instructions":
        return [cast.a, cast.b, cast.counsellor];
      case "checkin-private":
      case "answer-private":
      case "safety-screen":
        return [writer, cast.counsellor];
      case "unrevealed":
        return [cast.a, cast.counsellor];
      case "clinical-note":
        return [cast.counsellor];
    }
  })();
  return list.filter((actor): actor is SweepActor => actor !== null);
}

export type Marker = { token: string; couple: CoupleTag; kind: MarkerKind; slot?: Slot; allowed: SweepActor[] };

/** Every marker the fixture writes. */
export function allMarkers(): Marker[] {
  const kinds: MarkerKind[] = [
    "couple-name",
    "partner-name",
    "checkin-shared",
    "checkin-private",
    "answer-shared",
    "answer-private",
    "safety-screen",
    "unrevealed",
    "promise",
    "agreement",
    "instructions",
    "clinical-note",
  ];
  const markers: Marker[] = [];
  for (const couple of ["x", "y", "o"] as const) {
    for (const kind of kinds) {
      // Only the couple under test has an unrevealed step-6 answer (partner A's).
      if (kind === "unrevealed" && couple !== "x") continue;
      const slots: (Slot | undefined)[] = PER_PARTNER.has(kind) ? ["a", "b"] : [undefined];
      for (const slot of slots) markers.push({ token: markerToken(couple, kind, slot), couple, kind, slot, allowed: allowedViewers(couple, kind, slot) });
    }
  }
  return markers;
}

/** Record ids of the fixture, written by scripts/e2e-fixtures.ts for the specs to substitute. */
export type FixtureIds = {
  clinicId: string;
  otherClinicId: string;
  couples: Record<CoupleTag, string>;
  users: Record<Exclude<SweepActor, "signedOut">, string>;
  /** Per couple: an active assignment for both partners, and the unrevealed step-6 one (x only). */
  assignments: Record<CoupleTag, string>;
  unrevealedAssignment: string;
  /** Per couple: an open promise, an accepted agreement, a proposed agreement, a draft note, a signed note. */
  openPromise: Record<CoupleTag, string>;
  acceptedAgreement: Record<CoupleTag, string>;
  proposedAgreement: Record<CoupleTag, string>;
  draftNote: Record<CoupleTag, string>;
  signedNote: Record<CoupleTag, string>;
  /** Per couple: a live schedule of Mend's relationship check, due for both partners today. */
  measureSchedule: Record<CoupleTag, string>;
};

/** Where the fixture ids are written: one file per end-to-end port, so parallel runs do not collide. */
export function fixtureFile(port: number | string): string {
  return `.data/e2e-fixtures-${port}.json`;
}
