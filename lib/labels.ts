import type { CoupleStatus } from "@/db/schema/enums";

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
