import "server-only";
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import { notFound } from "next/navigation";
import type { Executor } from "@/db";
import { db } from "@/db/ready";
import { couples, notes, users, type NoteFormat, type NoteStatus } from "@/db/schema";
import { InputError } from "@/lib/actions/errors";
import { addIsoDays } from "@/lib/metrics";
import type { NoteInput, NoteSearch } from "@/lib/validations/notes";
import { recordAudit } from "./audit";
import { findTwin, lockCreates } from "./duplicates";
import { coupleScope, parseIdOrNotFound, refuseAsNotFound } from "./scope";
import { escapeLike } from "./sql";
import { requireRole, type Viewer } from "./viewer";

// Clinical notes are read by the couple's current counsellor alone. Every function here requires
// the counsellor role and scopes by couples.counsellor_id; nothing here is for partners or admins.
// A note has one author: after a couple is handed to another counsellor, the new one reads the
// earlier notes (continuity of care) but only the author may edit or sign their own draft.

export type NoteView = {
  id: string;
  format: NoteFormat;
  body: Record<string, string>;
  status: NoteStatus;
  authorId: string;
  authorName: string;
  /** Whether the viewer may change it: a draft, and the viewer wrote it. */
  editable: boolean;
  signedAt: string | null;
  createdAt: string;
  updatedAt: string;
  addendumTo: string | null;
};

export type NoteThread = NoteView & { addenda: NoteView[] };

export const SIGNED_NOTE_MESSAGE = "This note is signed, so it can't be changed. Add an addendum instead.";
export const NOT_AUTHOR_MESSAGE = "Only the counsellor who wrote this draft can change or sign it.";

const noteColumns = {
  id: notes.id,
  coupleId: notes.coupleId,
  format: notes.format,
  body: notes.body,
  status: notes.status,
  authorId: notes.authorId,
  authorName: users.name,
  signedAt: notes.signedAt,
  createdAt: notes.createdAt,
  updatedAt: notes.updatedAt,
  addendumTo: notes.addendumTo,
};

type NoteRow = {
  id: string;
  coupleId: string;
  format: NoteFormat;
  body: Record<string, string>;
  status: NoteStatus;
  authorId: string;
  authorName: string;
  signedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  addendumTo: string | null;
};

function toView(row: NoteRow, viewerId: string): NoteView {
  return {
    id: row.id,
    format: row.format,
    body: row.body,
    status: row.status,
    authorId: row.authorId,
    authorName: row.authorName,
    editable: row.status === "draft" && row.authorId === viewerId,
    signedAt: row.signedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    addendumTo: row.addendumTo,
  };
}

async function requireOwnCouple(executor: Executor, viewer: Viewer, coupleId: string): Promise<string> {
  const id = parseIdOrNotFound(coupleId);
  const [couple] = await executor
    .select({ id: couples.id })
    .from(couples)
    .where(and(eq(couples.id, id), coupleScope(viewer)))
    .limit(1);
  if (!couple) return refuseAsNotFound(viewer, "couple", id);
  return id;
}

/** A note of one of the viewer's couples, or not found. */
async function requireOwnNote(executor: Executor, viewer: Viewer, noteId: string): Promise<NoteRow> {
  const id = parseIdOrNotFound(noteId);
  const [row] = await executor
    .select(noteColumns)
    .from(notes)
    .innerJoin(couples, eq(couples.id, notes.coupleId))
    .innerJoin(users, eq(users.id, notes.authorId))
    .where(and(eq(notes.id, id), coupleScope(viewer)))
    .limit(1);
  if (!row) return refuseAsNotFound(viewer, "note", id);
  return row as NoteRow;
}

/**
 * The couple's notes, newest first, each with its addenda (oldest first), for the couple's
 * counsellor. `q` matches text in any section; `from`/`to` bound the day a note was written
 * (UTC, inclusive). An addendum that matches brings its note along. Records a "note.list" event.
 */
export async function listNotes(coupleId: string, search: NoteSearch = { q: "" }): Promise<NoteThread[]> {
  const viewer = await requireRole("counsellor");
  const database = await db();
  const id = await requireOwnCouple(database, viewer, coupleId);
  const threads = await unsafeListNoteThreads(database, viewer, id, search);
  await recordAudit(database, {
    clinicId: viewer.clinicId,
    actorId: viewer.id,
    action: "note.list",
    entityId: id,
    coupleId: id,
    metadata: { notes: threads.length, searched: Boolean(search.q || search.from || search.to) },
  });
  return threads;
}

/**
 * The couple's note threads as {@link listNotes} returns them, with no scope check and no audit
 * event: for the couple page, which has checked the couple is the viewer's and records one
 * "couple.view" for everything it shows.
 */
export async function unsafeListNoteThreads(database: Executor, viewer: Viewer, id: string, search: NoteSearch, limit?: number): Promise<NoteThread[]> {
  // Unsearched, the threads are the couple's notes themselves: read the newest `limit` of them
  // and their addenda, rather than every note first.
  if (limit !== undefined && !search.q && !search.from && !search.to) {
    const roots = (await database
      .select(noteColumns)
      .from(notes)
      .innerJoin(users, eq(users.id, notes.authorId))
      .where(and(eq(notes.coupleId, id), isNull(notes.addendumTo)))
      .orderBy(desc(notes.createdAt), desc(notes.id))
      .limit(limit)) as NoteRow[];
    return threads(viewer, roots, await addendaOf(database, id, roots.map((r) => r.id)));
  }
  const filters: SQL[] = [eq(notes.coupleId, id)];
  if (search.q) {
    const pattern = `%${escapeLike(search.q)}%`;
    filters.push(sql`exists (select 1 from jsonb_each_text(${notes.body}) as section where section.value ilike ${pattern})`);
  }
  if (search.from) filters.push(gte(notes.createdAt, sql`${search.from}::timestamp at time zone 'UTC'`));
  if (search.to) filters.push(lt(notes.createdAt, sql`${addIsoDays(search.to, 1)}::timestamp at time zone 'UTC'`));

  const matching = (await database
    .select(noteColumns)
    .from(notes)
    .innerJoin(users, eq(users.id, notes.authorId))
    .where(and(...filters))
    .orderBy(desc(notes.createdAt))
    .limit(200)) as NoteRow[];
  const rootIds = [...new Set(matching.map((n) => n.addendumTo ?? n.id))];
  if (rootIds.length === 0) return [];
  // The matching notes name their threads: read the notes and their addenda together.
  const [roots, addenda] = await Promise.all([
    database
      .select(noteColumns)
      .from(notes)
      .innerJoin(users, eq(users.id, notes.authorId))
      .where(and(eq(notes.coupleId, id), inArray(notes.id, rootIds), isNull(notes.addendumTo)))
      .orderBy(desc(notes.createdAt), desc(notes.id)) as Promise<NoteRow[]>,
    addendaOf(database, id, rootIds),
  ]);
  return threads(viewer, roots, addenda);
}

/** The addenda of the couple's notes `rootIds`, oldest first. */
async function addendaOf(database: Executor, coupleId: string, rootIds: string[]): Promise<NoteRow[]> {
  if (rootIds.length === 0) return [];
  return (await database
    .select(noteColumns)
    .from(notes)
    .innerJoin(users, eq(users.id, notes.authorId))
    .where(and(eq(notes.coupleId, coupleId), inArray(notes.addendumTo, rootIds)))
    .orderBy(asc(notes.createdAt), asc(notes.id))) as NoteRow[];
}

/** Each note with its addenda. */
function threads(viewer: Viewer, roots: NoteRow[], addenda: NoteRow[]): NoteThread[] {
  return roots.map((root) => ({
    ...toView(root, viewer.id),
    addenda: addenda.filter((a) => a.addendumTo === root.id).map((a) => toView(a, viewer.id)),
  }));
}

/** One note with its addenda, for the couple's counsellor. Records a "note.read" event. */
export async function getNote(noteId: string): Promise<NoteThread> {
  const viewer = await requireRole("counsellor");
  const database = await db();
  const row = await requireOwnNote(database, viewer, noteId);
  const addenda = (await database
    .select(noteColumns)
    .from(notes)
    .innerJoin(users, eq(users.id, notes.authorId))
    .where(eq(notes.addendumTo, row.id))
    .orderBy(asc(notes.createdAt))) as NoteRow[];
  await recordAudit(database, {
    clinicId: viewer.clinicId,
    actorId: viewer.id,
    action: "note.read",
    entityId: row.id,
    coupleId: row.coupleId,
  });
  return { ...toView(row, viewer.id), addenda: addenda.map((a) => toView(a, viewer.id)) };
}

/**
 * Writes a new note for the couple, as a draft or signed at once. With `addendumTo`, the note is
 * an addendum to a signed note of the same couple (the way to correct a signed note). Records
 * "note.create" (and "note.sign" when signed) in the same transaction.
 *
 * @param input the note form as parsed by `noteInputSchema`.
 * @throws InputError for an addendum to a note that is not signed (or is itself an addendum).
 */
export async function createNote(coupleId: string, input: NoteInput, addendumTo?: string): Promise<{ id: string }> {
  const viewer = await requireRole("counsellor");
  const database = await db();
  const id = await requireOwnCouple(database, viewer, coupleId);
  let parentId: string | null = null;
  if (addendumTo !== undefined) {
    const parent = await requireOwnNote(database, viewer, addendumTo);
    if (parent.coupleId !== id) notFound();
    if (parent.status !== "signed" || parent.addendumTo !== null) {
      throw new InputError(
        parent.authorId === viewer.id || parent.addendumTo !== null
          ? "Addenda are added to signed notes; this note can still be edited."
          : "Addenda are added to signed notes; this draft can only be changed by the counsellor who wrote it.",
      );
    }
    parentId = parent.id;
  }
  const { format, body, intent } = input;
  return database.transaction(async (tx) => {
    // The same note sent twice at once (a double click) is one note.
    await lockCreates(tx, "note", id);
    const same = await findTwin(tx, notes, notes, [
      [notes.coupleId, id],
      [notes.authorId, viewer.id],
      [notes.format, format],
      [notes.body, body],
      [notes.status, intent === "sign" ? "signed" : "draft"],
      [notes.addendumTo, parentId],
    ]);
    if (same) return { id: same };
    const now = new Date();
    const [created] = await tx
      .insert(notes)
      .values({
        coupleId: id,
        authorId: viewer.id,
        format,
        body,
        status: intent === "sign" ? "signed" : "draft",
        signedAt: intent === "sign" ? now : null,
        addendumTo: parentId,
      })
      .returning({ id: notes.id });
    const event = { clinicId: viewer.clinicId, actorId: viewer.id, entityId: created!.id, coupleId: id };
    await recordAudit(tx, { ...event, action: "note.create", metadata: { format, addendum: parentId !== null } });
    if (intent === "sign") await recordAudit(tx, { ...event, action: "note.sign" });
    return { id: created!.id };
  });
}

/**
 * Saves changes to the viewer's own draft note, and signs it when asked. A signed note is locked:
 * the update is refused (the row is only changed while its status is still draft, so a race cannot
 * edit a note signed a moment ago). Another counsellor's draft (one written before the couple was
 * handed over) is refused too: the viewer can read it, so it is not hidden as "not found", but it
 * stays its author's words under its author's name. Records "note.update" and, when signing, "note.sign".
 *
 * @param input the note form as parsed by `noteInputSchema`.
 * @throws InputError for a signed note ({@link SIGNED_NOTE_MESSAGE}) or someone else's draft ({@link NOT_AUTHOR_MESSAGE}).
 */
export async function updateNote(noteId: string, input: NoteInput): Promise<{ id: string }> {
  const viewer = await requireRole("counsellor");
  const database = await db();
  const existing = await requireOwnNote(database, viewer, noteId);
  if (existing.status === "signed") throw new InputError(SIGNED_NOTE_MESSAGE);
  if (existing.authorId !== viewer.id) throw new InputError(NOT_AUTHOR_MESSAGE);
  const { format, body, intent } = input;
  return database.transaction(async (tx) => {
    const now = new Date();
    const changed = await tx
      .update(notes)
      .set({
        format,
        body,
        ...(intent === "sign" ? { status: "signed" as const, signedAt: now } : {}),
      })
      .where(and(eq(notes.id, existing.id), eq(notes.status, "draft"), eq(notes.authorId, viewer.id)))
      .returning({ id: notes.id });
    if (changed.length === 0) throw new InputError(SIGNED_NOTE_MESSAGE);
    const event = { clinicId: viewer.clinicId, actorId: viewer.id, entityId: existing.id, coupleId: existing.coupleId };
    await recordAudit(tx, { ...event, action: "note.update" });
    if (intent === "sign") await recordAudit(tx, { ...event, action: "note.sign" });
    return { id: existing.id };
  });
}
