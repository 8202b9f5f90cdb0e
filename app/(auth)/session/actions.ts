"use server";

import { z } from "zod";
import { formAction, type ActionResult } from "@/lib/actions/action";
import { getSessionDeadline, staySignedIn } from "@/lib/dal/session-activity";

/** When the session ends, as an ISO time, or null once it has. */
export type SessionDeadline = { endsAt: string | null };

const noFields = z.object({});

/** The idle warning's check before it shows: asking is not activity. */
export const sessionDeadlineAction = formAction({
  name: "session-deadline",
  schema: noFields,
  handler: async (): Promise<ActionResult<SessionDeadline>> => ({ data: { endsAt: (await getSessionDeadline())?.toISOString() ?? null } }),
});

/** "Stay signed in" on the idle warning: counts as activity. */
export const staySignedInAction = formAction({
  name: "stay-signed-in",
  schema: noFields,
  handler: async (): Promise<ActionResult<SessionDeadline>> => ({ data: { endsAt: (await staySignedIn())?.toISOString() ?? null } }),
});
