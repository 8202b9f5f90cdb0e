import { pgEnum } from "drizzle-orm/pg-core";
// Relative, not "@/", so drizzle-kit resolves them without the app's path aliases.
import { CONTACT_ANSWERS, MOODS } from "../../lib/program/check-in";
import { VISIBILITIES } from "../../lib/program/visibility";

export const roleEnum = pgEnum("role", ["counsellor", "partner", "clinic_admin"]);
export const coupleStatusEnum = pgEnum("couple_status", ["invited", "active", "paused", "completed", "withdrawn"]);
export const partnerSlotEnum = pgEnum("partner_slot", ["A", "B"]);
export const stepStatusEnum = pgEnum("step_status", ["not_started", "in_progress", "done"]);
export const recurrenceEnum = pgEnum("recurrence", ["once", "daily", "weekly"]);
export const assignmentStatusEnum = pgEnum("assignment_status", ["active", "completed", "cancelled"]);
export const visibilityEnum = pgEnum("visibility", VISIBILITIES);
export const responseStatusEnum = pgEnum("response_status", ["draft", "submitted"]);
export const moodEnum = pgEnum("mood", MOODS);
export const contactEnum = pgEnum("contact", CONTACT_ANSWERS);
export const agreementStatusEnum = pgEnum("agreement_status", ["proposed", "accepted", "declined", "withdrawn"]);
export const promiseStatusEnum = pgEnum("promise_status", ["open", "kept", "broken", "released"]);
export const noteFormatEnum = pgEnum("note_format", ["soap", "dap", "free"]);
export const noteStatusEnum = pgEnum("note_status", ["draft", "signed"]);
export const auditOutcomeEnum = pgEnum("audit_outcome", ["success", "denied", "failure"]);
/** "mend": one of Mend's own measures; "imported": an instrument a clinic brought in. */
export const measureSourceEnum = pgEnum("measure_source", ["mend", "imported"]);

export type Role = (typeof roleEnum.enumValues)[number];
export type CoupleStatus = (typeof coupleStatusEnum.enumValues)[number];
export type PartnerSlot = (typeof partnerSlotEnum.enumValues)[number];
export type StepStatus = (typeof stepStatusEnum.enumValues)[number];
export type Recurrence = (typeof recurrenceEnum.enumValues)[number];
export type AssignmentStatus = (typeof assignmentStatusEnum.enumValues)[number];
export type PromiseStatus = (typeof promiseStatusEnum.enumValues)[number];
export type NoteFormat = (typeof noteFormatEnum.enumValues)[number];
export type ResponseStatus = (typeof responseStatusEnum.enumValues)[number];
export type AgreementStatus = (typeof agreementStatusEnum.enumValues)[number];
export type NoteStatus = (typeof noteStatusEnum.enumValues)[number];
export type AuditOutcome = (typeof auditOutcomeEnum.enumValues)[number];
export type MeasureSource = (typeof measureSourceEnum.enumValues)[number];
