/**
 * Who may use what: every page, route handler (exports included) and server action of the app,
 * against every kind of person, decided here once. tests/attack/access-matrix.spec.ts runs it over
 * HTTP against `next start` and fails when a page, route or exported action exists that this file
 * does not list, so nothing new ships without someone deciding who may use it.
 *
 * The records are the fixture clinics' (tests/support/markers.ts): couple x is partner A's and
 * partner B's, carried by `counsellor`; `otherPartner` is of couple y in the same clinic, carried by
 * `otherCounsellor`; `otherAdmin` runs another clinic (whose couple is o).
 */
import { ACTORS, type Actor, type CoupleTag, type FixtureIds } from "./support/markers";

/** allowed: 200 · not-found: 404 · sign-in: sent to /login · redirect: sent elsewhere (home). */
export type PageOutcome = "allowed" | "not-found" | "sign-in" | "redirect";
/**
 * For a server action: allowed (the decision; run by the browser suite, not here, since it
 * writes) · not-found · sign-in · refused (a form error that names nothing of the record) ·
 * redirect (sent elsewhere: a signed-in person has no second factor pending).
 */
export type ActionOutcome = "allowed" | "not-found" | "sign-in" | "refused" | "redirect";

export type PageEntry = {
  /** The file under app/ that serves it. */
  file: string;
  /** The URL to request, with the record ids of couple x substituted. */
  url: (ids: FixtureIds) => string;
  outcomes: Record<Actor, PageOutcome>;
};

export type ActionEntry = {
  /** The "use server" file and the export. */
  file: string;
  name: string;
  /** The page the action is posted to (any page that uses it). */
  page: (ids: FixtureIds) => string;
  /** Bound arguments and form fields naming the records of the given couple. */
  args?: (ids: FixtureIds, couple: CoupleTag) => unknown[];
  fields?: (ids: FixtureIds, couple: CoupleTag) => Record<string, string>;
  outcomes: Record<Actor, ActionOutcome>;
  /**
   * Where an allowed actor names another clinic's record (couple o) instead: the refusal expected.
   * Absent for actions that only touch the actor's own things.
   */
  otherRecord?: Exclude<ActionOutcome, "allowed">;
  /** Safe to run as each allowed actor too (it reads, or writes what is already there): the spec then expects success. */
  runAllowed?: true;
};

type Outcomes<O> = Record<Actor, O>;
const PARTNERS: Actor[] = ["partnerA", "partnerB", "otherPartner"];
const COUNSELLORS: Actor[] = ["counsellor", "otherCounsellor"];
const ADMINS: Actor[] = ["admin", "otherAdmin"];
const SIGNED_IN = ACTORS.filter((a) => a !== "signedOut");

/** `who` get `yes`; everyone else signed in gets `no`; signed out gets `signedOut`. */
function only<O extends string>(who: Actor[], yes: O, no: O, signedOut: O): Outcomes<O> {
  return Object.fromEntries(ACTORS.map((a) => [a, a === "signedOut" ? signedOut : who.includes(a) ? yes : no])) as Outcomes<O>;
}
const page = (who: Actor[]) => only<PageOutcome>(who, "allowed", "not-found", "sign-in");
const action = (who: Actor[], no: ActionOutcome = "not-found") => only<ActionOutcome>(who, "allowed", no, "sign-in");

const TODAY_PLUS_7 = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
/** Today on the fixture clinics' calendar (Europe/London), as a check-in form sends it. */
const TODAY = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
/** A partner of the couple who is not the one to act (made the promise, proposed the agreement) gets a form error, not "not found". */
const withRefused = (outcomes: Record<Actor, ActionOutcome>, who: Actor[]) => ({ ...outcomes, ...Object.fromEntries(who.map((a) => [a, "refused"])) });

export const PAGES: PageEntry[] = [
  { file: "app/page.tsx", url: () => "/", outcomes: { ...only<PageOutcome>(SIGNED_IN, "redirect", "redirect", "sign-in") } },
  { file: "app/(auth)/login/page.tsx", url: () => "/login", outcomes: only<PageOutcome>([], "allowed", "redirect", "allowed") },
  { file: "app/(auth)/login/second-factor/page.tsx", url: () => "/login/second-factor", outcomes: only<PageOutcome>([], "allowed", "redirect", "sign-in") },
  // An unknown or used invitation link reads the same for everyone, signed in or not.
  { file: "app/(auth)/invite/[token]/page.tsx", url: () => "/invite/not-a-real-token-0123456789abcdef", outcomes: only<PageOutcome>([], "allowed", "allowed", "allowed") },
  { file: "app/account/page.tsx", url: () => "/account", outcomes: page(SIGNED_IN) },
  { file: "app/account/two-factor/page.tsx", url: () => "/account/two-factor", outcomes: page(SIGNED_IN) },
  { file: "app/(partner)/today/page.tsx", url: () => "/today", outcomes: page(PARTNERS) },
  { file: "app/(partner)/check-in/page.tsx", url: () => "/check-in", outcomes: page(PARTNERS) },
  { file: "app/(partner)/exercises/page.tsx", url: () => "/exercises", outcomes: page(PARTNERS) },
  { file: "app/(partner)/exercises/[assignmentId]/page.tsx", url: (ids) => `/exercises/${ids.assignments.x}`, outcomes: page(["partnerA", "partnerB"]) },
  { file: "app/(partner)/progress/page.tsx", url: () => "/progress", outcomes: page(PARTNERS) },
  { file: "app/(partner)/promises/page.tsx", url: () => "/promises", outcomes: page(PARTNERS) },
  { file: "app/(partner)/record/page.tsx", url: () => "/record", outcomes: page(PARTNERS) },
  { file: "app/(partner)/record/print/page.tsx", url: () => "/record/print", outcomes: page(PARTNERS) },
  { file: "app/(partner)/agreements/page.tsx", url: () => "/agreements", outcomes: page(PARTNERS) },
  { file: "app/(partner)/measures/[scheduleId]/page.tsx", url: (ids) => `/measures/${ids.measureSchedule.x}`, outcomes: page(["partnerA", "partnerB"]) },
  { file: "app/(counsellor)/caseload/page.tsx", url: () => "/caseload", outcomes: page(COUNSELLORS) },
  { file: "app/(counsellor)/couples/new/page.tsx", url: () => "/couples/new", outcomes: page(COUNSELLORS) },
  { file: "app/(counsellor)/couples/[coupleId]/page.tsx", url: (ids) => `/couples/${ids.couples.x}`, outcomes: page(["counsellor"]) },
  { file: "app/(clinic)/clinic/page.tsx", url: () => "/clinic", outcomes: page(ADMINS) },
  { file: "app/(clinic)/clinic/audit/page.tsx", url: () => "/clinic/audit", outcomes: page(ADMINS) },
  { file: "app/(clinic)/clinic/couples/page.tsx", url: () => "/clinic/couples", outcomes: page(ADMINS) },
  { file: "app/(clinic)/clinic/counsellors/page.tsx", url: () => "/clinic/counsellors", outcomes: page(ADMINS) },
  { file: "app/(clinic)/clinic/counsellors/[counsellorId]/page.tsx", url: (ids) => `/clinic/counsellors/${ids.users.counsellor}`, outcomes: page(["admin"]) },
  { file: "app/(clinic)/clinic/settings/page.tsx", url: () => "/clinic/settings", outcomes: page(ADMINS) },
  { file: "app/(clinic)/clinic/measures/page.tsx", url: () => "/clinic/measures", outcomes: page(ADMINS) },
];

export const ROUTES: PageEntry[] = [
  // Each admin downloads their own clinic's figures; nobody else gets a file.
  { file: "app/(clinic)/clinic/export/by-counsellor/route.ts", url: () => "/clinic/export/by-counsellor", outcomes: page(ADMINS) },
  { file: "app/(clinic)/clinic/export/audit-log/route.ts", url: () => "/clinic/export/audit-log", outcomes: page(ADMINS) },
  // A partner's own record as a file; nobody else's, and nobody else gets one.
  { file: "app/(partner)/record/export/route.ts", url: () => "/record/export", outcomes: page(PARTNERS) },
  // A couple's measure answers as FHIR, for the couple's counsellor only.
  { file: "app/(counsellor)/couples/[coupleId]/measures/export/route.ts", url: (ids) => `/couples/${ids.couples.x}/measures/export`, outcomes: page(["counsellor"]) },
  // Readiness for load balancers answers anyone.
  { file: "app/api/health/route.ts", url: () => "/api/health", outcomes: only<PageOutcome>([], "allowed", "allowed", "allowed") },
  // The auth library's session endpoint answers everyone, with their own session or none.
  { file: "app/api/auth/[...nextauth]/route.ts", url: () => "/api/auth/session", outcomes: only<PageOutcome>([], "allowed", "allowed", "allowed") },
];

const x = (ids: FixtureIds, c: CoupleTag) => ids.couples[c];
const PASSWORD_FIELDS = { currentPassword: "not-the-password-1", newPassword: "a-new-password-123456", confirmPassword: "a-new-password-123456" };

export const ACTIONS: ActionEntry[] = [
  // Signing in, out and the session: anyone may try; nothing names a record.
  { file: "app/(auth)/actions.ts", name: "signInAction", page: () => "/login", outcomes: only<ActionOutcome>([], "allowed", "allowed", "allowed") },
  { file: "app/(auth)/actions.ts", name: "signOutAction", page: () => "/account", outcomes: only<ActionOutcome>([], "allowed", "allowed", "allowed") },
  // The idle warning's questions: without a session the page they are asked from sends the reader to sign in.
  { file: "app/(auth)/session/actions.ts", name: "sessionDeadlineAction", page: () => "/account", runAllowed: true, outcomes: only<ActionOutcome>(SIGNED_IN, "allowed", "allowed", "sign-in") },
  { file: "app/(auth)/session/actions.ts", name: "staySignedInAction", page: () => "/account", runAllowed: true, outcomes: only<ActionOutcome>(SIGNED_IN, "allowed", "allowed", "sign-in") },
  { file: "app/(auth)/login/second-factor/actions.ts", name: "verifySecondFactorAction", page: () => "/login/second-factor", fields: () => ({ code: "123456" }), outcomes: only<ActionOutcome>([], "allowed", "redirect", "sign-in") },
  { file: "app/(auth)/login/second-factor/actions.ts", name: "confirmSignInEnrolmentAction", page: () => "/login/second-factor", fields: () => ({ code: "123456" }), outcomes: only<ActionOutcome>([], "allowed", "refused", "sign-in") },
  { file: "app/(auth)/login/second-factor/actions.ts", name: "cancelSignInAction", page: () => "/login/second-factor", outcomes: only<ActionOutcome>([], "allowed", "allowed", "allowed") },
  { file: "app/(auth)/invite/[token]/actions.ts", name: "acceptInvitationAction", page: () => "/invite/not-a-real-token-0123456789abcdef", fields: () => ({ token: "not-a-real-token-0123456789abcdef", password: "a-new-password-123456", confirmPassword: "a-new-password-123456" }), outcomes: only<ActionOutcome>([], "refused", "refused", "refused") },
  // The account: the signed-in person's own.
  { file: "app/account/actions.ts", name: "changePasswordAction", page: () => "/account", fields: () => PASSWORD_FIELDS, outcomes: action(SIGNED_IN) },
  { file: "app/account/time-zone-actions.ts", name: "setMyTimeZoneAction", page: () => "/account", fields: () => ({ timeZone: "Europe/London" }), outcomes: action(SIGNED_IN) },
  { file: "app/account/two-factor/actions.ts", name: "enableSecondFactorAction", page: () => "/account/two-factor", fields: () => ({ code: "123456" }), outcomes: action(SIGNED_IN) },
  { file: "app/account/two-factor/actions.ts", name: "disableSecondFactorAction", page: () => "/account/two-factor", fields: () => ({ code: "123456" }), outcomes: action(SIGNED_IN) },
  // A partner's own couple.
  { file: "app/(partner)/check-in/actions.ts", name: "saveCheckInAction", page: () => "/check-in", fields: () => ({ trust: "5", closeness: "5", mood: "okay", contact: "yes", date: TODAY() }), outcomes: action(PARTNERS) },
  { file: "app/(partner)/exercises/[assignmentId]/actions.ts", name: "saveExerciseAction", page: (ids) => `/exercises/${ids.assignments.x}`, args: (ids, c) => [ids.assignments[c]], fields: () => ({ intent: "draft" }), outcomes: action(["partnerA", "partnerB"]), otherRecord: "not-found" },
  { file: "app/(partner)/promises/actions.ts", name: "makePromiseAction", page: () => "/promises", fields: () => ({ text: "I will phone at six", dueAt: `${TODAY_PLUS_7()}T18:00` }), outcomes: action(PARTNERS) },
  { file: "app/(partner)/promises/actions.ts", name: "confirmPromiseAction", page: () => "/promises", args: (ids, c) => [ids.openPromise[c]], fields: () => ({ choice: "kept" }), outcomes: withRefused(action(["partnerB"]), ["partnerA"]), otherRecord: "not-found" },
  { file: "app/(partner)/promises/actions.ts", name: "undoPromiseConfirmationAction", page: () => "/promises", args: (ids, c) => [ids.openPromise[c]], outcomes: withRefused(action(["partnerB"]), ["partnerA"]), otherRecord: "not-found" },
  { file: "app/(partner)/promises/actions.ts", name: "releasePromiseAction", page: () => "/promises", args: (ids, c) => [ids.openPromise[c]], outcomes: action(["partnerA", "partnerB"]), otherRecord: "not-found" },
  { file: "app/(partner)/agreements/actions.ts", name: "proposeAgreementAction", page: () => "/agreements", fields: () => ({ title: "We cook together on Sundays", details: "" }), outcomes: action(PARTNERS) },
  { file: "app/(partner)/agreements/actions.ts", name: "respondToAgreementAction", page: () => "/agreements", args: (ids, c) => [ids.proposedAgreement[c]], fields: () => ({ choice: "decline" }), outcomes: withRefused(action(["partnerB"]), ["partnerA"]), otherRecord: "not-found" },
  { file: "app/(partner)/agreements/actions.ts", name: "endAgreementAction", page: () => "/agreements", args: (ids, c) => [ids.acceptedAgreement[c]], outcomes: action(["partnerA", "partnerB"]), otherRecord: "not-found" },
  { file: "app/(partner)/agreements/actions.ts", name: "undoAgreementAcceptanceAction", page: () => "/agreements", args: (ids, c) => [ids.acceptedAgreement[c]], outcomes: action(["partnerA", "partnerB"]), otherRecord: "not-found" },
  { file: "app/(partner)/measures/[scheduleId]/actions.ts", name: "submitMeasureAction", page: (ids) => `/measures/${ids.measureSchedule.x}`, args: (ids, c) => [ids.measureSchedule[c]], fields: () => ({ occasionOn: TODAY() }), outcomes: action(["partnerA", "partnerB"]), otherRecord: "not-found" },
  // The couple's counsellor.
  { file: "app/(counsellor)/couples/new/actions.ts", name: "createCoupleAction", page: () => "/couples/new", fields: () => ({ name: "Nobody & Noone", startedOn: TODAY(), "partners.0.name": "Nobody", "partners.0.email": "nobody1@ridgeway.mend.test", "partners.1.name": "Noone", "partners.1.email": "noone1@ridgeway.mend.test" }), outcomes: action(COUNSELLORS) },
  { file: "app/(counsellor)/couples/[coupleId]/actions.ts", name: "assignAction", page: (ids) => `/couples/${ids.couples.x}`, args: (ids, c) => [x(ids, c)], fields: () => ({ step: "8", exerciseKind: "trigger_map", forUserId: "both", dueOn: TODAY_PLUS_7(), recurrence: "once", instructions: "" }), outcomes: action(["counsellor"]), otherRecord: "not-found" },
  { file: "app/(counsellor)/couples/[coupleId]/actions.ts", name: "updateAssignmentAction", page: (ids) => `/couples/${ids.couples.x}`, args: (ids, c) => [x(ids, c), ids.assignments[c]], fields: () => ({ step: "8", exerciseKind: "trigger_map", forUserId: "both", dueOn: TODAY_PLUS_7(), recurrence: "once", instructions: "" }), outcomes: action(["counsellor"]), otherRecord: "not-found" },
  { file: "app/(counsellor)/couples/[coupleId]/actions.ts", name: "cancelAssignmentAction", page: (ids) => `/couples/${ids.couples.x}`, args: (ids, c) => [x(ids, c), ids.assignments[c]], outcomes: action(["counsellor"]), otherRecord: "not-found" },
  { file: "app/(counsellor)/couples/[coupleId]/actions.ts", name: "completeStepAction", page: (ids) => `/couples/${ids.couples.x}`, args: (ids, c) => [x(ids, c)], fields: () => ({ step: "8" }), outcomes: action(["counsellor"]), otherRecord: "not-found" },
  { file: "app/(counsellor)/couples/[coupleId]/actions.ts", name: "clearSafetyAction", page: (ids) => `/couples/${ids.couples.x}`, args: (ids, c) => [x(ids, c)], outcomes: action(["counsellor"]), otherRecord: "not-found" },
  { file: "app/(counsellor)/couples/[coupleId]/actions.ts", name: "pauseJointWorkAction", page: (ids) => `/couples/${ids.couples.x}`, args: (ids, c) => [x(ids, c)], outcomes: action(["counsellor"]), otherRecord: "not-found" },
  { file: "app/(counsellor)/couples/[coupleId]/actions.ts", name: "resumeJointWorkAction", page: (ids) => `/couples/${ids.couples.x}`, args: (ids, c) => [x(ids, c)], outcomes: action(["counsellor"]), otherRecord: "not-found" },
  { file: "app/(counsellor)/couples/[coupleId]/actions.ts", name: "saveNoteAction", page: (ids) => `/couples/${ids.couples.x}`, args: (ids, c) => [x(ids, c), ids.draftNote[c]], fields: () => ({ format: "free", intent: "draft", body: "An edit that must not land." }), outcomes: action(["counsellor"]), otherRecord: "not-found" },
  { file: "app/(counsellor)/couples/[coupleId]/actions.ts", name: "addendumAction", page: (ids) => `/couples/${ids.couples.x}`, args: (ids, c) => [x(ids, c), ids.signedNote[c]], fields: () => ({ body: "An addendum that must not land." }), outcomes: action(["counsellor"]), otherRecord: "not-found" },
  { file: "app/(counsellor)/couples/[coupleId]/actions.ts", name: "reissueInvitationAction", page: (ids) => `/couples/${ids.couples.x}`, args: (ids, c) => [x(ids, c), ids.couples[c]], outcomes: action(["counsellor"]), otherRecord: "not-found" },
  { file: "app/(counsellor)/couples/[coupleId]/measures-actions.ts", name: "scheduleMeasureAction", page: (ids) => `/couples/${ids.couples.x}`, args: (ids, c) => [x(ids, c)], fields: () => ({ measureKey: "mend-trust-check", everyWeeks: "2", startsOn: TODAY_PLUS_7(), endsOn: "" }), outcomes: action(["counsellor"]), otherRecord: "not-found" },
  // The schedule id stands in for any: a schedule of a couple the actor does not carry is not found.
  { file: "app/(counsellor)/couples/[coupleId]/measures-actions.ts", name: "stopMeasureScheduleAction", page: (ids) => `/couples/${ids.couples.x}`, args: (ids, c) => [x(ids, c), ids.couples[c]], outcomes: action(["counsellor"]), otherRecord: "not-found" },
  // The clinic admin, over their own clinic.
  { file: "app/(clinic)/clinic/actions.ts", name: "reassignCoupleAction", page: () => "/clinic/couples", fields: (ids, c) => ({ coupleId: x(ids, c), counsellorId: c === "o" ? ids.users.otherClinicCounsellor : ids.users.otherCounsellor }), outcomes: action(["admin"]), otherRecord: "not-found" },
  { file: "app/(clinic)/clinic/actions.ts", name: "deactivateCounsellorAction", page: (ids) => `/clinic/counsellors/${ids.users.counsellor}`, fields: (ids, c) => ({ counsellorId: c === "o" ? ids.users.otherClinicCounsellor : ids.users.otherCounsellor }), outcomes: action(["admin"]), otherRecord: "not-found" },
  { file: "app/(clinic)/clinic/actions.ts", name: "inviteCounsellorAction", page: () => "/clinic/counsellors", fields: () => ({ name: "Nobody Here", email: "nobody@ridgeway.mend.test" }), outcomes: action(ADMINS) },
  { file: "app/(clinic)/clinic/measures/actions.ts", name: "importMeasureAction", page: () => "/clinic/measures", fields: () => ({ pasted: "not a questionnaire" }), outcomes: action(ADMINS) },
  { file: "app/(clinic)/clinic/settings/actions.ts", name: "setClinicTimeZoneAction", page: () => "/clinic/settings", fields: () => ({ timeZone: "Europe/London" }), runAllowed: true, outcomes: action(ADMINS) },
  { file: "app/(clinic)/clinic/settings/two-factor-actions.ts", name: "clinicTwoFactorAction", page: () => "/clinic/settings", fields: () => ({}), outcomes: action(ADMINS) },
  { file: "app/(clinic)/clinic/settings/two-factor-actions.ts", name: "resetSecondFactorAction", page: () => "/clinic/settings", fields: (ids, c) => ({ counsellorId: c === "o" ? ids.users.otherClinicCounsellor : ids.users.counsellor }), outcomes: action(["admin"]), otherRecord: "not-found" },
];

/** How many cells the matrix decides. */
export function matrixSize(): { pages: number; routes: number; actions: number; cells: number } {
  const cells = (PAGES.length + ROUTES.length + ACTIONS.length) * ACTORS.length;
  return { pages: PAGES.length, routes: ROUTES.length, actions: ACTIONS.length, cells };
}
