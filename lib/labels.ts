import type { Tone } from "@/components/ui/badge";
import type { AuditOutcome, CoupleStatus, NoteFormat, PromiseStatus, Recurrence, Role, StepStatus } from "@/db/schema/enums";
import type { AuditEntityType } from "@/lib/audit/actions";
import type { InvitationStatus } from "@/lib/dal/invitations";
import type { ChartRange } from "@/lib/validations/couple-page";

/**
 * Every word the product shows for a stored value, in one place. Keys are typed by the Drizzle
 * enums, so a value added to the schema fails to compile until it has its words here.
 */

export const ROLE_LABELS: Record<Role, string> = {
  counsellor: "Counsellor",
  partner: "Partner",
  clinic_admin: "Clinic admin",
};

export const STATUS_LABELS: Record<CoupleStatus, string> = {
  invited: "Invited",
  active: "Active",
  paused: "Paused",
  completed: "Completed",
  withdrawn: "Withdrawn",
};

export const STATUS_TONES: Record<CoupleStatus, Tone> = {
  invited: "neutral",
  active: "brand",
  paused: "warn",
  completed: "ok",
  withdrawn: "neutral",
};

export const STEP_STATUS_LABELS: Record<StepStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  done: "Done",
};

/** In the order the assignment form offers them. */
export const RECURRENCE_LABELS: Record<Recurrence, string> = {
  once: "Once",
  daily: "Every day",
  weekly: "Every week",
};

/** How a partner's promises page names a promise's state. */
export const PROMISE_STATUS: Record<PromiseStatus, { label: string; tone: Tone }> = {
  open: { label: "Open", tone: "brand" },
  kept: { label: "Kept", tone: "ok" },
  broken: { label: "Not kept", tone: "danger" },
  released: { label: "Let go", tone: "neutral" },
};

export const NOTE_FORMAT_LABELS: Record<NoteFormat, string> = { soap: "SOAP", dap: "DAP", free: "Free-form" };

/** How a couple page names where each partner's invitation stands. */
export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  pending: "Waiting",
  accepted: "Joined",
  expired: "Link expired",
  revoked: "Link replaced",
};

export const AUDIT_OUTCOME_TONES: Record<AuditOutcome, Tone> = { success: "ok", denied: "warn", failure: "warn" };

export const CHART_RANGE_LABELS: Record<ChartRange, string> = { "4w": "4 weeks", "12w": "12 weeks", all: "All" };

/** How the audit log names the kind of record an event points at. */
export const AUDIT_ENTITY_LABELS: Record<AuditEntityType, string> = {
  clinic: "Clinic",
  user: "Person",
  couple: "Couple",
  invitation: "Invitation",
  assignment: "Assignment",
  check_in: "Check-in",
  exercise_response: "Exercise answer",
  safety_concern: "Safety screen",
  agreement: "Agreement",
  promise: "Promise",
  note: "Note",
  note_list: "Notes list",
  export: "Download",
  job: "Scheduled job",
  partner_record: "Their own record",
  measure: "Measure",
  measure_schedule: "Measure schedule",
  measure_response: "Measure answer",
};

export const AUDIT_OUTCOME_LABELS: Record<AuditOutcome, string> = { success: "Done", denied: "Refused", failure: "Failed" };
