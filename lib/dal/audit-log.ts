import "server-only";
import { and, asc, count, desc, eq, gte, ilike, inArray, lt, notInArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { db } from "@/db/ready";
import { auditEvents, couples, users, type AuditOutcome } from "@/db/schema";
import { InputError } from "@/lib/actions/errors";
import { CLINIC_AUDIT_ACTIONS, CONFIDENTIAL_AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";
import { addIsoDays } from "@/lib/metrics/dates";
import { AUDIT_PAGE_SIZE, auditPartnerSearchSchema, auditRangeProblem, type AuditQuery } from "@/lib/validations/clinic";
import { escapeLike } from "./sql";
import { requireRole, type Viewer } from "./viewer";

/** One audit event as the admin sees it: who, what, which record, when, outcome. Never content. */
export type AuditLogRow = {
  id: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** The record's own name when it is a person or a couple (a name only, never what a record says). */
  recordName: string | null;
  coupleName: string | null;
  outcome: AuditOutcome;
  /** The client address the request came from; null for scheduled work and older events. */
  address: string | null;
};

/**
 * `totalAtLeast`: the log holds more matching events than were counted, and `total` is how many
 * were (see {@link AUDIT_COUNT_LIMIT}).
 */
export type AuditLogPage = { rows: AuditLogRow[]; total: number; totalAtLeast: boolean; page: number; pageSize: number; pageCount: number };

/**
 * Events counted exactly for the pager before it says "more than". A year of a 2,000-couple
 * clinic is over a million events: counting them all took 1.5 s cold (an index-only scan of every
 * one) on each page of the log, where counting this many is a few milliseconds. Deeper pages count
 * on past themselves, so "Older events" always leads somewhere while there are more.
 */
export const AUDIT_COUNT_LIMIT = 10_000;

export type AuditFilterOptions = { actors: { id: string; name: string }[]; actions: AuditAction[] };

/** Who the "Person" list offers: the clinic's staff. */
const STAFF_ROLES = ["counsellor", "clinic_admin"] as const;

const actor = alias(users, "actor");
const entityUser = alias(users, "entity_user");
const entityCouple = alias(couples, "entity_couple");

function auditWhere(viewer: Viewer, query: Omit<AuditQuery, "page">): SQL {
  const problem = auditRangeProblem(query);
  if (problem) throw new InputError(problem);
  // Events that would reveal a safety concern are never the admin's to read, whatever the filter.
  const filters: SQL[] = [eq(auditEvents.clinicId, viewer.clinicId), notInArray(auditEvents.action, CONFIDENTIAL_AUDIT_ACTIONS)];
  if (query.actor) filters.push(eq(auditEvents.actorId, query.actor));
  if (query.action) filters.push(eq(auditEvents.action, query.action));
  // Days are UTC calendar days, as everywhere else in the figures.
  if (query.from) filters.push(gte(auditEvents.at, sql`${`${query.from}T00:00:00Z`}::timestamptz`));
  if (query.to) filters.push(lt(auditEvents.at, sql`${`${addIsoDays(query.to, 1)}T00:00:00Z`}::timestamptz`));
  return and(...filters)!;
}

/** The event's entity id as a uuid, or null when it is not one (a cast of anything else would fail). */
const entityUuid = sql<string | null>`(case when ${auditEvents.entityId} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then ${auditEvents.entityId}::uuid end)`;

function selectRowsFor(database: Awaited<ReturnType<typeof db>>, where: SQL) {
  return database
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorId: auditEvents.actorId,
      actorName: actor.name,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      recordName: sql<string | null>`coalesce(${entityUser.name}, ${entityCouple.name})`,
      coupleName: couples.name,
      outcome: auditEvents.outcome,
      address: auditEvents.address,
    })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorId))
    .leftJoin(couples, eq(couples.id, auditEvents.coupleId))
    // Entity ids are text (some records are not uuids), so only one shaped like a uuid is cast and
    // looked up by primary key (comparing `id::text` read every person of the clinic for every
    // event: a second a page at 2,000 couples); a name is matched only within the admin's clinic,
    // and only for the two record types that have one.
    .leftJoin(entityUser, and(eq(auditEvents.entityType, "user"), eq(entityUser.id, entityUuid), eq(entityUser.clinicId, auditEvents.clinicId)))
    .leftJoin(entityCouple, and(eq(auditEvents.entityType, "couple"), eq(entityCouple.id, entityUuid), eq(entityCouple.clinicId, auditEvents.clinicId)))
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id));
}

/**
 * The admin's clinic's audit events, newest first, filtered by person, action and UTC days, one
 * page at a time. Metadata is not returned: the log says who touched which record, not what it held.
 * Throws {@link InputError} for a reversed or over-long range; its message is fit to show.
 */
export async function listAuditLog(query: AuditQuery): Promise<AuditLogPage> {
  const viewer = await requireRole("clinic_admin");
  const database = await db();
  const where = auditWhere(viewer, query);
  const offset = (query.page - 1) * AUDIT_PAGE_SIZE;
  const cap = Math.max(AUDIT_COUNT_LIMIT, offset + 2 * AUDIT_PAGE_SIZE);
  const matching = database.select({ one: sql`1` }).from(auditEvents).where(where).limit(cap + 1).as("matching");
  const [[{ counted }], rows] = await Promise.all([
    database.select({ counted: count() }).from(matching),
    selectRowsFor(database, where).limit(AUDIT_PAGE_SIZE).offset(offset),
  ]);
  const total = Math.min(counted, cap);
  return {
    rows,
    total,
    totalAtLeast: counted > cap,
    page: query.page,
    pageSize: AUDIT_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  };
}

/** Every matching event (up to `limit`), for the CSV export. */
export async function unsafeListAuditRowsForExport(viewer: Viewer, query: Omit<AuditQuery, "page">, limit: number): Promise<AuditLogRow[]> {
  const database = await db();
  return selectRowsFor(database, auditWhere(viewer, query)).limit(limit);
}

/** A person the audit log can be filtered by. */
export type AuditPerson = { id: string; name: string };
/** A partner found by the audit log's search, with the email that tells two of the same name apart. */
export type AuditPartnerMatch = AuditPerson & { email: string };
/** `more`: further partners match than were returned; typing more of the name narrows them. */
export type AuditPartnerSearch = { matches: AuditPartnerMatch[]; more: boolean };

/** Partners the search returns at most: enough to pick from, small enough to read. */
export const AUDIT_PARTNER_MATCH_LIMIT = 20;

/**
 * The filter lists: the clinic's staff (counsellors and admins, deactivated ones too, since their
 * events stay in the log), and every action of the audit vocabulary the clinic's log can hold
 * (label each with auditActionLabel). Partners are found with {@link listAuditPartnerMatches}: a
 * list of all of them was 4,000 options and a megabyte of HTML on each view at 2,000 couples.
 */
export async function getAuditFilterOptions(): Promise<AuditFilterOptions> {
  const viewer = await requireRole("clinic_admin");
  const database = await db();
  const actors = await database
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.clinicId, viewer.clinicId), inArray(users.role, STAFF_ROLES)))
    .orderBy(asc(users.name), asc(users.id));
  return { actors, actions: CLINIC_AUDIT_ACTIONS };
}

/**
 * The admin's clinic's partners whose name or email holds `search` (case-insensitive), by name, at
 * most {@link AUDIT_PARTNER_MATCH_LIMIT}. Throws {@link InputError} with a message fit to show for a
 * search that is too short, too long or holds control characters.
 */
export async function listAuditPartnerMatches(search: string): Promise<AuditPartnerSearch> {
  const viewer = await requireRole("clinic_admin");
  const parsed = auditPartnerSearchSchema.safeParse(search);
  if (!parsed.success) throw new InputError(parsed.error.issues[0]!.message, "who");
  const pattern = `%${escapeLike(parsed.data)}%`;
  const database = await db();
  // Reads at most the clinic's partners, through (clinic_id, role) while they are a small share of
  // all users; a clinic that is most of the table is read whole (4,400 rows, 130 pages: a few ms).
  // Substrings of 3+ characters could come off a trigram index on name and email instead.
  const rows = await database
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.clinicId, viewer.clinicId), eq(users.role, "partner"), or(ilike(users.name, pattern), ilike(users.email, pattern))))
    .orderBy(asc(users.name), asc(users.id))
    .limit(AUDIT_PARTNER_MATCH_LIMIT + 1);
  return { matches: rows.slice(0, AUDIT_PARTNER_MATCH_LIMIT), more: rows.length > AUDIT_PARTNER_MATCH_LIMIT };
}

/**
 * The partner the log is filtered by, for showing their name; null for anyone else (staff are in
 * the filter list, and an id outside the clinic is not the admin's to learn about).
 */
export async function getAuditPartner(id: string): Promise<AuditPerson | null> {
  const viewer = await requireRole("clinic_admin");
  // Not a uuid: no one (comparing it with a uuid column would fail the query instead).
  if (!z.uuid().safeParse(id).success) return null;
  const database = await db();
  const [row] = await database
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.id, id), eq(users.clinicId, viewer.clinicId), eq(users.role, "partner")));
  return row ?? null;
}
