import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listPromises, type PromiseView } from "@/lib/dal/promises";
import { getViewerTimeZone } from "@/lib/dal/today";
import { formatDueTime, formatMinutesLeft, formatPercent } from "@/lib/format";
import { PROMISE_STATUS } from "@/lib/labels";
import { RowActionForm } from "../row-action-form";
import { confirmPromiseAction, releasePromiseAction, undoPromiseConfirmationAction } from "./actions";
import { PromiseForm } from "./promise-form";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Promises" };

/** Whole minutes until `until`, at least 1 (the page is rendered per request). */
function OpenPromise({ promise, zone }: { promise: PromiseView; zone: string }) {
  return (
    <li className="py-3">
      <p className="font-semibold break-words">{promise.text}</p>
      {promise.details ? <p className="mt-1 whitespace-pre-wrap break-words">{promise.details}</p> : null}
      <p className="mt-1 text-sm text-muted">
        {promise.madeByMe ? "Your promise" : `${promise.madeByName}'s promise`} · due {formatDueTime(promise.dueAt, zone)}
      </p>
      {promise.canConfirm || promise.undoableUntil ? (
        // One form in one place for marking and for taking it back: its message ("Marked as kept")
        // stays beside the Undo button instead of vanishing with the buttons it came from.
        <RowActionForm
          label={`Was it kept: ${promise.text}`}
          action={promise.undoableUntil ? undoPromiseConfirmationAction.bind(null, promise.id) : confirmPromiseAction.bind(null, promise.id)}
          note={
            promise.undoableUntil
              ? `You marked this ${PROMISE_STATUS[promise.status].label.toLowerCase()}. You can undo that for ${formatMinutesLeft(promise.undoableUntil)}.`
              : undefined
          }
          choices={
            promise.undoableUntil
              ? [{ value: "undo", label: "Undo" }]
              : [
                  { value: "kept", label: "Kept", variant: "primary" },
                  { value: "broken", label: "Not kept" },
                ]
          }
        />
      ) : promise.madeByMe ? (
        <p className="mt-1 text-sm text-muted">{promise.notDueYet ? "Not due yet." : "Due: waiting for your partner to mark it."}</p>
      ) : (
        <p className="mt-1 text-sm text-muted">You can mark it once it&apos;s due.</p>
      )}
      {promise.status !== "open" ? null : promise.releaseRequestedByMe ? (
        <p className="mt-1 text-sm text-muted">You&apos;ve asked to let this go; waiting for your partner to agree.</p>
      ) : (
        <RowActionForm
          label={`Let go: ${promise.text}`}
          action={releasePromiseAction.bind(null, promise.id)}
          choices={[{ value: "release", label: promise.releaseRequestedByPartner ? "Agree to let this go" : "Ask to let this go" }]}
        />
      )}
    </li>
  );
}

export default async function PromisesPage() {
  // Due times are shown on the partner's clock, the same one they were entered on.
  const [ledger, zone] = await Promise.all([listPromises(), getViewerTimeZone()]);
  // A promise marked moments ago stays in place, with its Undo, until the window closes.
  const open = ledger.promises.filter((p) => p.status === "open" || p.undoableUntil);
  const settled = ledger.promises.filter((p) => p.status !== "open");
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <PageHeader title="Promises" description="Small, clear promises with a time. Your partner marks whether each was kept." />
      <Card aria-labelledby="rate-heading">
        <CardTitle id="rate-heading">My keep rate</CardTitle>
        <p className="mt-1 text-3xl font-semibold">{formatPercent(ledger.myKeepRate, "No record yet")}</p>
        <p className="text-sm text-muted">
          {ledger.myKept} kept and {ledger.myBroken} not kept, of the promises you made. Open and let-go promises don&apos;t count.
        </p>
      </Card>
      <Card aria-labelledby="open-heading">
        <CardTitle id="open-heading">Open promises</CardTitle>
        {open.length === 0 ? (
          <p className="mt-1 text-muted">No open promises.</p>
        ) : (
          <ul className="divide-y divide-line">
            {open.map((p) => (
              <OpenPromise key={p.id} promise={p} zone={zone} />
            ))}
          </ul>
        )}
      </Card>
      <Card aria-labelledby="make-heading">
        <CardTitle id="make-heading">Make a promise</CardTitle>
        <div className="mt-3">
          <PromiseForm />
        </div>
      </Card>
      <Card aria-labelledby="history-heading">
        <CardTitle id="history-heading">History</CardTitle>
        {settled.length === 0 ? (
          <p className="mt-1 text-muted">Nothing settled yet.</p>
        ) : (
          <ul className="divide-y divide-line">
            {settled.slice(0, 100).map((p) => (
              <li key={p.id} className="flex items-start justify-between gap-3 py-2">
                <span className="min-w-0">
                  <span className="block break-words">{p.text}</span>
                  <span className="block text-sm text-muted">
                    {p.madeByMe ? "You" : p.madeByName} · due {formatDueTime(p.dueAt, zone)}
                  </span>
                </span>
                <Badge tone={PROMISE_STATUS[p.status].tone}>{PROMISE_STATUS[p.status].label}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
