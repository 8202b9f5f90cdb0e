import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/ready";
import { users } from "@/db/schema";
import { InputError } from "@/lib/actions/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { recordAudit } from "./audit";
import { requireViewer } from "./viewer";

/**
 * Changes the signed-in user's password after checking the current one. Every existing session
 * of theirs, on every device, ends: the session version moves on in the same write.
 *
 * @returns the account's email, to sign this device straight back in.
 * @throws InputError on `current` when the current password is wrong.
 */
export async function changePassword(input: { current: string; next: string }): Promise<{ email: string }> {
  const viewer = await requireViewer();
  const database = await db();
  const [user] = await database.select({ passwordHash: users.passwordHash, email: users.email }).from(users).where(eq(users.id, viewer.id)).limit(1);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.current))) {
    throw new InputError("That isn't your current password.", "current");
  }
  const passwordHash = await hashPassword(input.next);
  await database.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, viewer.id), eq(users.active, true)));
    await recordAudit(tx, { clinicId: viewer.clinicId, actorId: viewer.id, action: "auth.change_password", entityId: viewer.id });
  });
  return { email: user.email };
}
