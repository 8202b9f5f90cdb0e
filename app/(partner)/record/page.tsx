import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { RECORD_ABOUT } from "@/lib/dal/partner-record";
import { listMyRecordAccess } from "@/lib/dal/record-access";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "My record" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** "3 Nov 2026, 14:05" on the partner's clock. */
const when = (at: string, zone: string) => format(new Date(at), "d MMM yyyy, HH:mm", { in: tz(zone) });

const linkButton = "inline-flex min-h-11 items-center justify-center rounded-md px-4 font-medium";

function pageParam(value: string | string[] | undefined): number {
  const parsed = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(parsed) && parsed >= 1 && parsed <= 10_000 ? parsed : 1;
}

export default async function MyRecordPage({ searchParams }: Props) {
  const access = await listMyRecordAccess(pageParam((await searchParams).page));
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <PageHeader title="My record" description="Take a copy of what Mend keeps about you, and see who has opened it." />
      <Card aria-labelledby="copy-heading">
        <CardTitle id="copy-heading">Take a copy</CardTitle>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-muted">
          {RECORD_ABOUT.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <div className="mt-4 flex flex-col gap-2 sm:flex-row">
          {/* A plain link: the file comes from a route that answers with an attachment. */}
          <a href="/record/export" download className={`${linkButton} bg-brand text-white hover:bg-brand-strong`}>
            Download my record
          </a>
          <a href="/record/print" className={`${linkButton} border border-line bg-surface text-brand hover:bg-brand-soft`}>
            Printable version
          </a>
        </div>
        <p className="mt-2 text-sm text-muted">The download is a JSON file, for keeping or for another service. Each copy you take is listed below.</p>
      </Card>
      <Card aria-labelledby="access-heading">
        <CardTitle id="access-heading">Who has opened my record</CardTitle>
        <p className="mt-1 text-sm text-muted">
          Each time your counsellor opens your couple&apos;s page or downloads your couple&apos;s questionnaire answers, and each copy you take. Both hold what
          you both share with your counsellor, so they are listed for you both. Times are on your clock ({access.timeZone}).
        </p>
        {access.entries.length === 0 ? (
          <p className="mt-3">No one has opened your record yet.</p>
        ) : (
          <ol className="mt-3 divide-y divide-line" aria-label="Access to my record, newest first">
            {access.entries.map((entry) => (
              <li key={entry.id} className="py-2.5">
                <p>
                  {entry.sentence}
                  <span className="text-muted">
                    {" "}
                    — <time dateTime={entry.at}>{when(entry.at, access.timeZone)}</time>
                  </span>
                </p>
              </li>
            ))}
          </ol>
        )}
        <Pager
          page={access.page}
          pageCount={access.pageCount}
          total={access.total}
          pageSize={access.pageSize}
          noun={["entry", "entries"]}
          hrefs={{ previous: `/record?page=${access.page - 1}`, next: `/record?page=${access.page + 1}` }}
          labels={{ previous: "Newer", next: "Older" }}
        />
      </Card>
    </div>
  );
}
