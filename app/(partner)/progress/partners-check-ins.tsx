import { Card, CardTitle } from "@/components/ui/card";
import type { PartnersCheckIns } from "@/lib/dal/partner-check-ins";
import { formatDay } from "@/lib/format";
import { CONTACT_ANSWER_LABELS, MOOD_LABELS } from "@/lib/program";

/**
 * The other partner's recent check-ins, as the check-in form tells every partner: scores, mood
 * and contact answer always, the note only when it was shared. A table that wraps on a phone.
 */
export function PartnersCheckInsCard({ data }: { data: PartnersCheckIns }) {
  if (!data.partnerName) return null;
  const name = data.partnerName;
  return (
    <Card aria-labelledby="partner-checkins-heading">
      <CardTitle id="partner-checkins-heading">Your partner&apos;s recent check-ins</CardTitle>
      <p className="mt-1 text-sm text-muted">
        {name}&apos;s last {data.days} days. You see their scores, mood and contact answer; a note only when they chose to share it
        with you.
      </p>
      {data.rows.length === 0 ? (
        <p className="mt-2 text-muted">{name} hasn&apos;t checked in in the last {data.days} days.</p>
      ) : (
        <table className="mt-3 w-full text-left text-sm">
          <caption className="sr-only">
            {name}&apos;s check-ins, newest first
          </caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-2 pr-2">
                Day
              </th>
              <th scope="col" className="py-2 pr-2">
                Trust
              </th>
              <th scope="col" className="py-2 pr-2">
                Closeness
              </th>
              <th scope="col" className="py-2">
                Mood and contact
              </th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((c) => (
              <tr key={c.date} className="border-b border-line align-top">
                <th scope="row" className="py-2 pr-2 font-normal">
                  {formatDay(c.date)}
                </th>
                <td className="py-2 pr-2">{c.trust}</td>
                <td className="py-2 pr-2">{c.closeness}</td>
                <td className="py-2 break-words">
                  {MOOD_LABELS[c.mood]} · {CONTACT_ANSWER_LABELS[c.contact]}
                  {c.note ? <span className="mt-1 block whitespace-pre-wrap text-ink">“{c.note}”</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
