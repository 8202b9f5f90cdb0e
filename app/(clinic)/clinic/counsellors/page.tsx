import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getClinicOverview } from "@/lib/dal/clinic";
import { InviteCounsellorForm } from "./invite-form";

export const metadata: Metadata = { title: "Counsellors" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CounsellorsPage({ searchParams }: Props) {
  const [overview, params] = await Promise.all([getClinicOverview(), searchParams]);
  return (
    <>
      <PageHeader title="Counsellors" description="Who works in the clinic, and how many couples each one supports." />
      {params.deactivated === "1" ? (
        <Alert tone="success" className="mb-4">
          The counsellor is deactivated and signed out everywhere. Their couples have their new counsellors.
        </Alert>
      ) : null}
      <div className="mb-6 overflow-x-auto rounded-lg border border-line bg-surface">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Counsellors of the clinic</caption>
          <thead className="bg-bg">
            <tr>
              <th scope="col" className="px-3 py-2">Counsellor</th>
              <th scope="col" className="px-3 py-2">Email</th>
              <th scope="col" className="px-3 py-2">Active couples</th>
              <th scope="col" className="px-3 py-2">All couples</th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.counsellors.map((c) => (
              <tr key={c.id} className="border-t border-line">
                <th scope="row" className="px-3 py-2 font-medium">
                  {c.name}
                  {c.active ? null : <span className="ml-2 text-muted">(deactivated)</span>}
                </th>
                <td className="px-3 py-2">{c.email}</td>
                <td className="px-3 py-2">{c.activeCouples}</td>
                <td className="px-3 py-2">{c.totalCouples}</td>
                <td className="px-3 py-2">
                  {c.active ? (
                    <Link href={`/clinic/counsellors/${c.id}`} className="font-medium text-brand underline underline-offset-2">
                      Deactivate<span className="sr-only"> {c.name}</span>
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Card>
        <CardTitle className="mb-1">Invite a counsellor</CardTitle>
        <p className="mb-3 text-sm text-muted">They get a link to set their password. It works once and expires after a week.</p>
        <InviteCounsellorForm />
      </Card>
    </>
  );
}
