import { z } from "zod";

/**
 * Every kind of record an audit event can point at. The record type of an event follows from its
 * action (see {@link AUDIT_ACTIONS}), so no caller names it.
 */
export const AUDIT_ENTITY_TYPES = [
  "clinic",
  "user",
  "couple",
  "invitation",
  "assignment",
  "check_in",
  "exercise_response",
  "safety_concern",
  "agreement",
  "promise",
  "note",
  "note_list",
  "export",
  "job",
  // A partner's own record: everything of theirs Mend keeps, as they may see it.
  "partner_record",
  // A version of a standardised measure; a couple's schedule of one; a partner's answer to it.
  "measure",
  "measure_schedule",
  "measure_response",
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

type ActionDefinition = {
  /** The record type the event's entity id points at. */
  entity: AuditEntityType;
  /** How the clinic's audit log names the action, as "who did what". */
  label: string;
  /** Identifiers and counts only, never what a record says; absent when the event carries none. */
  metadata?: z.ZodType<Record<string, string | number | boolean | null>>;
  /** Recorded by scheduled work with no clinic, so the clinic's log never lists it. */
  system?: true;
  /**
   * Would tell a reader that a couple raised a safety concern (or what the counsellor did about
   * one), so the clinic admin's log, its filter and its CSV never include it. The couple's
   * counsellor keeps the record.
   */
  confidential?: true;
  /**
   * The caller names the record type, because the event can point at a record of any type (an
   * access refused to a couple, a note or an assignment); `entity` is then only the usual one.
   */
  namesEntity?: true;
};

const count = z.number().int().min(0);
const exerciseKind = z.strictObject({ exerciseKind: z.string() });

/**
 * The closed vocabulary of audit actions, named `<entity>.<verb>`. Recording an action that is not
 * here does not compile, and its metadata is checked against its schema before it is written.
 * Renaming an action needs a migration that renames the stored events too.
 */
export const AUDIT_ACTIONS = {
  "auth.sign_in": { entity: "user", label: "Signed in" },
  "auth.sign_out": { entity: "user", label: "Signed out everywhere" },
  "auth.change_password": { entity: "user", label: "Changed their password" },
  // A second-factor code at sign-in: success or failure in the outcome, as for signing in.
  "auth.second_factor": { entity: "user", label: "Entered a two-factor code" },
  "auth.recovery_code_used": { entity: "user", label: "Signed in with a recovery code", metadata: z.strictObject({ remaining: count }) },
  "auth.second_factor_enable": { entity: "user", label: "Turned on two-factor sign-in" },
  "auth.second_factor_disable": { entity: "user", label: "Turned off two-factor sign-in" },
  "auth.second_factor_reset": { entity: "user", label: "Reset someone's two-factor sign-in" },
  "clinic.require_two_factor": {
    entity: "clinic",
    label: "Changed whether staff must use two-factor sign-in",
    metadata: z.strictObject({ required: z.boolean() }),
  },

  // The zone names an IANA area (e.g. "Europe/London"); null returns a person to the clinic's.
  "clinic.set_time_zone": {
    entity: "clinic",
    label: "Changed the clinic's time zone",
    metadata: z.strictObject({ timeZone: z.string() }),
  },
  "user.set_time_zone": {
    entity: "user",
    label: "Changed their own time zone",
    metadata: z.strictObject({ timeZone: z.string().nullable() }),
  },

  "counsellor.invite": { entity: "user", label: "Invited a counsellor" },
  "counsellor.deactivate": {
    entity: "user",
    label: "Deactivated a counsellor",
    metadata: z.strictObject({ couplesReassigned: count }),
  },

  "couple.create": { entity: "couple", label: "Added a couple" },
  // Pausing joint work usually follows a private disclosure, so it is kept from the clinic's log.
  "couple.pause_joint_work": { entity: "couple", label: "Paused a couple's joint work", confidential: true },
  "couple.resume_joint_work": { entity: "couple", label: "Resumed a couple's joint work", confidential: true },
  "couple.reassign": {
    entity: "couple",
    label: "Handed a couple to another counsellor",
    metadata: z.strictObject({ from: z.uuid(), to: z.uuid() }),
  },
  "invitation.create": { entity: "invitation", label: "Invited a partner" },
  "invitation.reissue": { entity: "invitation", label: "Sent a new invitation link" },
  "invitation.accept": { entity: "invitation", label: "Accepted an invitation" },

  "step.complete": { entity: "couple", label: "Marked a step complete", metadata: z.strictObject({ step: count }) },
  "assignment.create": {
    entity: "assignment",
    label: "Assigned an exercise",
    metadata: z.strictObject({ step: count, exerciseKind: z.string() }),
  },
  "assignment.update": { entity: "assignment", label: "Changed an assignment" },
  "assignment.cancel": { entity: "assignment", label: "Cancelled an assignment" },

  "check_in.create": { entity: "check_in", label: "Checked in" },
  "check_in.update": { entity: "check_in", label: "Changed a check-in" },
  "exercise_response.save_draft": { entity: "exercise_response", label: "Saved an exercise draft", metadata: exerciseKind },
  "exercise_response.submit": { entity: "exercise_response", label: "Submitted an exercise", metadata: exerciseKind },
  "safety_concern.raise": { entity: "safety_concern", label: "Safety concern raised", confidential: true },
  // Clears every open concern of the couple at once, so the event points at the couple.
  "safety_concern.clear": {
    entity: "couple",
    label: "Cleared a safety concern",
    metadata: z.strictObject({ cleared: count }),
    confidential: true,
  },

  "agreement.propose": { entity: "agreement", label: "Proposed an agreement" },
  "agreement.accept": { entity: "agreement", label: "Accepted an agreement" },
  "agreement.decline": { entity: "agreement", label: "Declined an agreement" },
  "agreement.end": { entity: "agreement", label: "Ended an agreement" },
  "agreement.undo_accept": { entity: "agreement", label: "Took back accepting an agreement" },
  "promise.make": { entity: "promise", label: "Made a promise" },
  "promise.confirm_kept": { entity: "promise", label: "Confirmed a promise kept" },
  "promise.confirm_broken": { entity: "promise", label: "Confirmed a promise broken" },
  "promise.undo_confirm": { entity: "promise", label: "Took back marking a promise kept or broken" },
  "promise.request_release": { entity: "promise", label: "Asked to release a promise" },
  "promise.release": { entity: "promise", label: "Released a promise" },

  // One event per view of a couple's page (check-ins, answers, promises, agreements, safety
  // screens and notes, all on one page), never one per row it shows.
  "couple.view": {
    entity: "couple",
    label: "Opened a couple's page",
    metadata: z.strictObject({ notesSearched: z.boolean() }),
  },
  // A record looked up outside the viewer's scope: they were told "not found". The id is the one
  // asked for (it may name no record at all), so the event never links to a couple.
  "access.refused": { entity: "couple", label: "Was refused a record (shown as not found)", namesEntity: true },

  "note.list": {
    entity: "note_list",
    label: "Opened a couple's notes",
    metadata: z.strictObject({ notes: count, searched: z.boolean() }),
  },
  "note.read": { entity: "note", label: "Read a note" },
  "note.create": {
    entity: "note",
    label: "Wrote a note",
    metadata: z.strictObject({ format: z.string(), addendum: z.boolean() }),
  },
  "note.update": { entity: "note", label: "Changed a note" },
  "note.sign": { entity: "note", label: "Signed a note" },

  "export.download_by_counsellor": {
    entity: "export",
    label: "Downloaded the figures by counsellor",
    metadata: z.strictObject({ rows: count, from: z.iso.date(), to: z.iso.date() }),
  },
  "export.download_audit_log": {
    entity: "export",
    label: "Downloaded the audit log",
    metadata: z.strictObject({
      rows: count,
      actor: z.uuid().nullable(),
      action: z.string().nullable(),
      from: z.iso.date().nullable(),
      to: z.iso.date().nullable(),
    }),
  },

  // A couple's measure answers as a FHIR Bundle, downloaded by their counsellor: how many, never what.
  "export.download_measure_answers": {
    entity: "export",
    label: "Downloaded a couple's measure answers (FHIR)",
    metadata: z.strictObject({ responses: count, measures: count }),
  },

  // A partner's download or printable copy of their own record.
  "record.export": {
    entity: "partner_record",
    label: "Downloaded or printed their own record",
    metadata: z.strictObject({ format: z.enum(["json", "print"]) }),
  },

  // Measures: the key names the instrument (an identifier, never its wording or anyone's answers).
  "measure.import": {
    entity: "measure",
    label: "Imported a measure",
    metadata: z.strictObject({ key: z.string(), version: count, items: count, validated: z.boolean() }),
  },
  "measure_schedule.create": {
    entity: "measure_schedule",
    label: "Scheduled a measure for a couple",
    metadata: z.strictObject({ measureKey: z.string(), everyWeeks: count }),
  },
  "measure_schedule.stop": { entity: "measure_schedule", label: "Stopped a couple's measure", metadata: z.strictObject({ measureKey: z.string() }) },
  "measure_response.submit": { entity: "measure_response", label: "Answered a measure", metadata: z.strictObject({ measureKey: z.string() }) },

  "job.run": { entity: "job", label: "Scheduled job ran", metadata: z.strictObject({ ms: count }), system: true },
} as const satisfies Record<string, ActionDefinition>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** The metadata an action carries (`undefined` for actions that carry none). */
export type AuditMetadata<A extends AuditAction> = (typeof AUDIT_ACTIONS)[A] extends { metadata: infer S extends z.ZodType }
  ? z.input<S>
  : undefined;

/** Every action name, in vocabulary order. */
export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]];

/** Actions kept from the clinic admin: they would reveal that a couple raised a safety concern. */
export const CONFIDENTIAL_AUDIT_ACTIONS: AuditAction[] = AUDIT_ACTION_NAMES.filter((action) => "confidential" in AUDIT_ACTIONS[action]);

/** Actions the clinic's own log can hold and show its admin, for its filter. */
export const CLINIC_AUDIT_ACTIONS: AuditAction[] = AUDIT_ACTION_NAMES.filter(
  (action) => !("system" in AUDIT_ACTIONS[action]) && !("confidential" in AUDIT_ACTIONS[action]),
);

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

/** How the audit log names an action; a name outside the vocabulary is shown as it is. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action].label : action;
}
