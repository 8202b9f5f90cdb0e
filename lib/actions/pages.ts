import "server-only";
import { getMyCoupleId } from "@/lib/dal/couples";
import type { Revalidation } from "./action";

/**
 * The pages a partner's write shows on: Today, the given partner pages, and the counsellor's page
 * for the couple, so the counsellor sees it on their next view.
 */
export async function partnerPages(...paths: string[]): Promise<Revalidation[]> {
  const coupleId = await getMyCoupleId();
  return [...new Set(["/today", ...paths]), ...(coupleId ? [`/couples/${coupleId}`] : [])];
}

/** The pages a counsellor's change to a couple's work shows on: theirs, and the partners' (on their next view, without reloading). */
export function couplePages(coupleId: string): Revalidation[] {
  return [`/couples/${coupleId}`, "/caseload", "/today", { path: "/exercises", type: "layout" }];
}
