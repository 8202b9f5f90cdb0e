import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { controlClass } from "@/components/ui/field";
import { LazyDetails } from "@/components/ui/lazy-details";
import type { NoteThread, NoteView } from "@/lib/dal/notes";
import { isoMinute } from "@/lib/format";
import { NOTE_FORMAT_LABELS } from "@/lib/labels";
import { NOTE_SECTIONS, type NoteSearch } from "@/lib/validations/notes";
import { addendumAction, saveNoteAction } from "./actions";
import { NoteForm } from "./note-form";
import { ShowMoreLink } from "./show-more-link";

function NoteBody({ note }: { note: NoteView }) {
  const sections = NOTE_SECTIONS[note.format];
  return (
    <dl className="space-y-1 text-sm">
      {sections.map((s) =>
        note.body[s.key] ? (
          <div key={s.key}>
            {note.format === "free" ? null : <dt className="font-medium text-muted">{s.label}</dt>}
            <dd className="whitespace-pre-wrap">{note.body[s.key]}</dd>
          </div>
        ) : null,
      )}
    </dl>
  );
}

/** The couple's clinical notes: search, a new note, and each note with its addenda. Counsellor only. */
export function NotesSection({
  coupleId,
  notes,
  search,
  zone,
  moreHref = null,
}: {
  coupleId: string;
  notes: NoteThread[];
  search: NoteSearch;
  zone: string;
  /** The link to the next page of older notes, or null when every matching note is shown. */
  moreHref?: string | null;
}) {
  const searching = Boolean(search.q || search.from || search.to);
  return (
    <Card aria-labelledby="notes-heading" className="space-y-4">
      <div>
        <CardTitle id="notes-heading">Clinical notes</CardTitle>
        <p className="text-sm text-muted">
          Only the couple&apos;s counsellor can read these. Partners and clinic admins never see them. A draft can be changed or
          signed only by the counsellor who wrote it.
        </p>
      </div>
      <LazyDetails className="rounded-md border border-line p-3" summary="Write a note">
        <div className="mt-3">
          <NoteForm action={saveNoteAction.bind(null, coupleId, null)} idPrefix="new-note" sections={NOTE_SECTIONS} />
        </div>
      </LazyDetails>
      <form method="get" role="search" aria-label="Search notes" className="flex flex-wrap items-end gap-3">
        <div className="w-full sm:w-56">
          <label htmlFor="notes-q" className="mb-1 block text-sm font-medium">
            Search notes
          </label>
          <input id="notes-q" name="nq" type="search" defaultValue={search.q} className={controlClass} />
        </div>
        <div>
          <label htmlFor="notes-from" className="mb-1 block text-sm font-medium">
            From
          </label>
          <input id="notes-from" name="nfrom" type="date" defaultValue={search.from} className={controlClass} />
        </div>
        <div>
          <label htmlFor="notes-to" className="mb-1 block text-sm font-medium">
            To
          </label>
          <input id="notes-to" name="nto" type="date" defaultValue={search.to} className={controlClass} />
        </div>
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      {notes.length === 0 ? (
        <p className="text-muted">{searching ? "No notes match this search." : "No notes yet."}</p>
      ) : (
        <ol className="space-y-3">
          {notes.map((note) => (
            <li key={note.id} className="rounded-md border border-line p-3">
              <article aria-label={`Note of ${isoMinute(note.createdAt, zone)}`}>
                <p className="mb-2 flex flex-wrap items-center gap-2 text-sm">
                  <span className="font-medium">{NOTE_FORMAT_LABELS[note.format]} note</span>
                  <span className="text-muted">
                    {isoMinute(note.createdAt, zone)} · {note.authorName}
                  </span>
                  {note.status === "signed" ? (
                    <Badge tone="ok">Signed {note.signedAt ? isoMinute(note.signedAt, zone) : ""}</Badge>
                  ) : note.editable ? (
                    <Badge tone="warn">Draft</Badge>
                  ) : (
                    <Badge tone="warn">Unsigned draft</Badge>
                  )}
                </p>
                {note.status === "draft" && !note.editable ? (
                  <>
                    <p className="mb-2 text-sm text-muted">
                      Unsigned draft by {note.authorName}. Only {note.authorName} can change or sign it.
                    </p>
                    <NoteBody note={note} />
                  </>
                ) : note.status === "draft" ? (
                  <NoteForm
                    action={saveNoteAction.bind(null, coupleId, note.id)}
                    defaults={{ format: note.format, body: note.body }}
                    idPrefix={`note-${note.id}`}
                    sections={NOTE_SECTIONS}
                  />
                ) : (
                  <>
                    <NoteBody note={note} />
                    {note.addenda.length > 0 ? (
                      <ol className="mt-2 space-y-2 border-l-2 border-line pl-3">
                        {note.addenda.map((a) => (
                          <li key={a.id} className="text-sm">
                            <p className="font-medium">
                              Addendum ·{" "}
                              <span className="text-muted">
                                {isoMinute(a.createdAt, zone)} · {a.authorName}
                              </span>
                            </p>
                            <NoteBody note={a} />
                          </li>
                        ))}
                      </ol>
                    ) : null}
                    <LazyDetails className="mt-2" summaryClassName="cursor-pointer text-sm font-medium text-brand" summary="Add an addendum">
                      <div className="mt-2">
                        <NoteForm action={addendumAction.bind(null, coupleId, note.id)} addendum idPrefix={`addendum-${note.id}`} sections={NOTE_SECTIONS} />
                      </div>
                    </LazyDetails>
                  </>
                )}
              </article>
            </li>
          ))}
        </ol>
      )}
      {moreHref ? <ShowMoreLink href={moreHref}>Show older notes</ShowMoreLink> : null}
    </Card>
  );
}
