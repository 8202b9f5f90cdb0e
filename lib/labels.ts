import type { CoupleStatus } from "@/db/schema/enums";
import type { InvitationStatus } from "@/lib/dal/invitations";

export const STATUS_LABELS: Record<CoupleStatus, string> = {
  invited: "Invited",
  active: "Active",
  paused: "Paused",
  completed: "Completed",
  withdrawn: "Withdrawn",
};

export const STATUS_TONES: Record<CoupleStatus, "neutral" | "brand" | "warn" | "ok"> = {
  invited: "neutral",
  active: "brand",
  paused: "warn",
  completed: "ok",
  withdrawn: "neutral",
};

/** How a couple page names where each partner's invitation stands. */
export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  pending: "Waiting",
  accepted: "Joined",
  expired: "Link expired",
  revoked: "Link replaced",
};
