import { IDLE_WARNING_MS, warnsBeforeIdle } from "@/lib/auth/session-policy";
import { getSessionState } from "@/lib/dal/viewer";
import { IdleWarning } from "./idle-warning";

/** The idle warning for staff, fed the session's deadline by the server. */
export async function IdleWarningSlot() {
  const state = await getSessionState();
  if (state.status !== "signed-in" || !warnsBeforeIdle(state.viewer.role)) return null;
  // Keyed on the deadline: a page rendered after activity starts the countdown afresh.
  return <IdleWarning key={state.endsAt.toISOString()} endsAt={state.endsAt.toISOString()} warnMs={IDLE_WARNING_MS} />;
}
