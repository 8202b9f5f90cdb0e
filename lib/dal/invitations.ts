import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { addDays } from "date-fns";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { notFound } from "next/navigation";
import { z } from "zod";
import type { Executor } from "@/db";
import { db } from "@/db/ready";
import { clinics, coupleMembers, couples, invitations, stepProgress, users, type PartnerSlot, type Role } from "@/db/schema";
import { InputError } from "@/lib/actions/errors";
import { hashPassword } from "@/lib/auth/password";
import { sendInvitationEmail } from "@/lib/email";
import { appOrigin } from "@/lib/origin";
import { INVITATION_ENDED, type InviteeInput, type NewCoupleInput } from "@/lib/validations/invitations";
import { recordAudit } from "./audit";
import { DUPLICATE_WINDOW_SECONDS } from "./duplicates";
import { parseIdOrNotFound } from "./scope";
import { revokeSessions } from "./sessions";
import { requireRole, type Viewer } from "./viewer";

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

export type IssuedInvitation = { email: string; name: string; url: string; expiresAt: Date; emailed: boolean };

function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

/** Only the hash is stored: a leaked database does not hand out working links. */
function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

async function emailsInUse(tx: Executor, emails: string[]): Promise<Set<string>> {
  const rows = await tx
    .select({ email: sql<string>`lower(${users.email})` })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, emails));
  return new Set(rows.map((r) => r.email));
}

type PendingInvite = { clinicId: string; email: string; name: string; role: Role; coupleId?: string; slot?: PartnerSlot; createdBy: string };

async function insertInvitation(tx: Executor, invite: PendingInvite): Promise<{ id: string; token: string; expiresAt: Date }> {
  const { token, tokenHash } = newToken();
  const expiresAt = addDays(new Date(), INVITATION_DAYS);
  const [row] = await tx
    .insert(invitations)
    .values({ ...invite, coupleId: invite.coupleId ?? null, slot: invite.slot ?? null, tokenHash, expiresAt })
    .returning({ id: invitations.id });
  return { id: row!.id, token, expiresAt };
}

async function deliver(viewer: Viewer, issued: { email: string; name: string; token: string; expiresAt: Date }, role: "partner" | "counsellor"): Promise<IssuedInvitation> {
  const url = `${await appOrigin()}/invite/${issued.token}`;
  const emailed = await sendInvitationEmail({ to: issued.email, name: issued.name, url, inviterName: viewer.name, role });
  return { email: issued.email, name: issued.name, url, expiresAt: issued.expiresAt, emailed };
}

const IN_USE = "This email address already has a Mend account.";

/**
 * Creates a couple on the signed-in counsellor's caseload with its two partners' accounts and
 * invitation links, all in one transaction. The links are returned to show, and emailed when
 * SMTP is configured.
 *
 * @param input the new-couple form as parsed by `newCoupleSchema`.
 * @throws InputError on a partner's email that already has an account.
 */
export async function createCoupleWithInvitations(input: NewCoupleInput): Promise<{ coupleId: string; invitations: IssuedInvitation[] }> {
  const viewer = await requireRole("counsellor");
  const { name, startedOn, partners } = input;
  const database = await db();
  try {
    const result = await database.transaction(async (tx) => {
      const taken = await emailsInUse(tx, partners.map((p) => p.email));
      if (taken.size > 0) {
        const fieldErrors: Record<string, string[]> = {};
        partners.forEach((p, i) => {
          if (taken.has(p.email)) fieldErrors[`partners.${i}.email`] = [IN_USE];
        });
        throw new InputError(IN_USE, fieldErrors);
      }
      const [couple] = await tx
        .insert(couples)
        .values({ clinicId: viewer.clinicId, counsellorId: viewer.id, name, status: "invited", startedOn, currentStep: 1 })
        .returning({ id: couples.id });
      const coupleId = couple!.id;
      const slots: PartnerSlot[] = ["A", "B"];
      const partnerRows = await tx
        .insert(users)
        .values(partners.map((p) => ({ clinicId: viewer.clinicId, role: "partner" as const, email: p.email, name: p.name })))
        .returning({ id: users.id, email: users.email, name: users.name });
      await tx.insert(coupleMembers).values(partnerRows.map((u, i) => ({ coupleId, userId: u.id, slot: slots[i]! })));
      await tx.insert(stepProgress).values(
        Array.from({ length: 10 }, (_, i) => ({
          coupleId,
          step: i + 1,
          status: i === 0 ? ("in_progress" as const) : ("not_started" as const),
          startedOn: i === 0 ? startedOn : null,
        })),
      );
      const issued = [];
      for (const [i, u] of partnerRows.entries()) {
        const invite = await insertInvitation(tx, {
          clinicId: viewer.clinicId,
          email: u.email,
          name: u.name,
          role: "partner",
          coupleId,
          slot: slots[i],
          createdBy: viewer.id,
        });
        await recordAudit(tx, { clinicId: viewer.clinicId, actorId: viewer.id, action: "invitation.create", entityId: invite.id, coupleId });
        issued.push({ email: u.email, name: u.name, token: invite.token, expiresAt: invite.expiresAt });
      }
      await recordAudit(tx, { clinicId: viewer.clinicId, actorId: viewer.id, action: "couple.create", entityId: coupleId, coupleId });
      return { coupleId, issued };
    });
    const delivered = [];
    for (const issued of result.issued) delivered.push(await deliver(viewer, issued, "partner"));
    return { coupleId: result.coupleId, invitations: delivered };
  } catch (error) {
    // Two counsellors inviting the same address at the same moment: the unique index decides.
    if (isUniqueViolation(error)) throw new InputError(IN_USE, "partners.0.email");
    throw error;
  }
}

/**
 * Creates a counsellor's account (without a password) in the admin's clinic and an invitation
 * link for it.
 *
 * @param input the invite form as parsed by `inviteeSchema`.
 * @throws InputError on `email` when the address already has an account.
 */
export async function createCounsellorInvitation(input: InviteeInput): Promise<{ userId: string; url: string; expiresAt: Date; emailed: boolean }> {
  const viewer = await requireRole("clinic_admin");
  const { name, email } = input;
  const database = await db();
  try {
    const result = await database.transaction(async (tx) => {
      if ((await emailsInUse(tx, [email])).size > 0) throw new InputError(IN_USE, "email");
      const [user] = await tx
        .insert(users)
        .values({ clinicId: viewer.clinicId, role: "counsellor", email, name })
        .returning({ id: users.id });
      const invite = await insertInvitation(tx, { clinicId: viewer.clinicId, email, name, role: "counsellor", createdBy: viewer.id });
      await recordAudit(tx, { clinicId: viewer.clinicId, actorId: viewer.id, action: "counsellor.invite", entityId: user!.id });
      return { userId: user!.id, issued: { email, name, token: invite.token, expiresAt: invite.expiresAt } };
    });
    const delivered = await deliver(viewer, result.issued, "counsellor");
    return { userId: result.userId, url: delivered.url, expiresAt: delivered.expiresAt, emailed: delivered.emailed };
  } catch (error) {
    if (isUniqueViolation(error)) throw new InputError(IN_USE, "email");
    throw error;
  }
}

export type InvitationStatus = "pending" | "accepted" | "expired" | "revoked";
export type InvitationSummary = { id: string; email: string; name: string; status: InvitationStatus; expiresAt: Date; createdAt: Date };

function statusOf(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationStatus {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt <= now ? "expired" : "pending";
}

/** The couple's invitations, newest first, for its counsellor. */
export async function listCoupleInvitations(coupleId: string): Promise<InvitationSummary[]> {
  const id = parseIdOrNotFound(coupleId);
  const viewer = await requireRole("counsellor");
  const database = await db();
  const [couple] = await database
    .select({ id: couples.id })
    .from(couples)
    .where(and(eq(couples.id, id), eq(couples.counsellorId, viewer.id), eq(couples.clinicId, viewer.clinicId)))
    .limit(1);
  if (!couple) notFound();
  return unsafeListCoupleInvitations(id);
}

/** listCoupleInvitations for a couple whose scope the caller has already checked. */
export async function unsafeListCoupleInvitations(coupleId: string): Promise<InvitationSummary[]> {
  const database = await db();
  const rows = await database
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .where(eq(invitations.coupleId, coupleId))
    .orderBy(sql`${invitations.createdAt} desc`);
  return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, status: statusOf(r), expiresAt: r.expiresAt, createdAt: r.createdAt }));
}

const JUST_REISSUED = "A fresh link for this invitation was sent a moment ago; it is the one listed now.";

/**
 * A fresh link for someone who has not accepted yet; the old link stops working. Partner
 * invitations are the couple's counsellor's to reissue, counsellor invitations the admin's.
 */
export async function reissueInvitation(invitationId: string): Promise<IssuedInvitation> {
  const id = parseIdOrNotFound(invitationId);
  const viewer = await requireRole("counsellor", "clinic_admin");
  const database = await db();
  const issued = await database.transaction(async (tx) => {
    const [old] = await tx
      .select({
        id: invitations.id,
        clinicId: invitations.clinicId,
        email: invitations.email,
        name: invitations.name,
        role: invitations.role,
        coupleId: invitations.coupleId,
        slot: invitations.slot,
        acceptedAt: invitations.acceptedAt,
        revokedAt: invitations.revokedAt,
        counsellorId: couples.counsellorId,
      })
      .from(invitations)
      .leftJoin(couples, eq(couples.id, invitations.coupleId))
      .where(and(eq(invitations.id, id), eq(invitations.clinicId, viewer.clinicId)))
      .for("update", { of: invitations })
      .limit(1);
    const mayReissue =
      old &&
      ((viewer.role === "counsellor" && old.role === "partner" && old.counsellorId === viewer.id) ||
        (viewer.role === "clinic_admin" && old.role === "counsellor"));
    if (!old || !mayReissue) notFound();
    if (old.acceptedAt) return null;
    // Reissued a moment ago (the same click twice): a second fresh link would kill the first one just sent.
    if (old.revokedAt && Date.now() - old.revokedAt.getTime() < DUPLICATE_WINDOW_SECONDS * 1000) throw new InputError(JUST_REISSUED);
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.clinicId, old.clinicId), eq(sql`lower(${invitations.email})`, old.email.toLowerCase()), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    const invite = await insertInvitation(tx, {
      clinicId: old.clinicId,
      email: old.email,
      name: old.name,
      role: old.role,
      coupleId: old.coupleId ?? undefined,
      slot: old.slot ?? undefined,
      createdBy: viewer.id,
    });
    await recordAudit(tx, { clinicId: old.clinicId, actorId: viewer.id, action: "invitation.reissue", entityId: invite.id, coupleId: old.coupleId });
    return { email: old.email, name: old.name, token: invite.token, expiresAt: invite.expiresAt, role: old.role };
  });
  if (!issued) throw new InputError("This invitation has already been accepted.");
  return deliver(viewer, issued, issued.role === "counsellor" ? "counsellor" : "partner");
}

export type InvitationLookup =
  | { state: "valid"; name: string; email: string; role: Role; clinicName: string }
  | { state: "expired" | "used" | "invalid" };

const tokenSchema = z.string().min(20).max(200);

/** What an invitation link leads to; public, so it reveals nothing but the invitee's own name and email. */
export async function getInvitation(token: string): Promise<InvitationLookup> {
  if (!tokenSchema.safeParse(token).success) return { state: "invalid" };
  const database = await db();
  const [row] = await database
    .select({
      name: invitations.name,
      email: invitations.email,
      role: invitations.role,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      expiresAt: invitations.expiresAt,
      clinicName: clinics.name,
    })
    .from(invitations)
    .innerJoin(clinics, eq(clinics.id, invitations.clinicId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) return { state: "invalid" };
  const status = statusOf(row);
  if (status === "accepted") return { state: "used" };
  if (status === "revoked") return { state: "invalid" };
  if (status === "expired") return { state: "expired" };
  return { state: "valid", name: row.name, email: row.email, role: row.role, clinicName: row.clinicName };
}

/**
 * Sets the invitee's password and uses up the link, in one transaction that locks the
 * invitation row, so a double submit or a second tab cannot use it twice. When both partners
 * have accepted, the couple becomes active.
 *
 * @param token and `password` as parsed by `acceptInvitationSchema`.
 * @throws InputError on `token` for a link that expired, was used or never existed ({@link INVITATION_ENDED}).
 */
export async function acceptInvitation(token: string, password: string): Promise<{ email: string }> {
  const passwordHash = await hashPassword(password);
  const database = await db();
  return database.transaction(async (tx) => {
    const [invite] = await tx
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, hashToken(token)))
      .for("update")
      .limit(1);
    if (!invite) throw new InputError(INVITATION_ENDED.invalid, "token");
    const status = statusOf(invite);
    if (status !== "pending") throw new InputError(INVITATION_ENDED[status === "accepted" ? "used" : status === "expired" ? "expired" : "invalid"], "token");
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.clinicId, invite.clinicId), eq(sql`lower(${users.email})`, invite.email.toLowerCase()), eq(users.active, true)))
      .returning({ id: users.id, email: users.email });
    if (!user) throw new InputError(INVITATION_ENDED.invalid, "token");
    // A new password from an invitation ends any session the account had.
    await revokeSessions(tx, user.id);
    await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invite.id));
    if (invite.coupleId) {
      const pending = await tx
        .select({ id: invitations.id })
        .from(invitations)
        .where(and(eq(invitations.coupleId, invite.coupleId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
        .limit(1);
      const acceptedSlots = await tx
        .select({ n: sql<number>`count(distinct ${invitations.slot})`.mapWith(Number) })
        .from(invitations)
        .where(and(eq(invitations.coupleId, invite.coupleId), sql`${invitations.acceptedAt} is not null`));
      if (pending.length === 0 && (acceptedSlots[0]?.n ?? 0) >= 2) {
        await tx.update(couples).set({ status: "active" }).where(and(eq(couples.id, invite.coupleId), eq(couples.status, "invited")));
      }
    }
    await recordAudit(tx, { clinicId: invite.clinicId, actorId: user.id, action: "invitation.accept", entityId: invite.id, coupleId: invite.coupleId });
    return { email: user.email };
  });
}
