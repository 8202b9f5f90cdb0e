import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getClinicOverview } from "@/lib/dal/clinic";

export const metadata: Metadata = { title: "Clinic overview" };

export default async function ClinicPage() {
  const overview = await getClinicOverview();
  return (
    <>
      <PageHeader title="Clinic overview" description={overview.clinicName} />
      <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-3">
        <Card>
          <dt className="text-sm text-muted">Active couples</dt>
          <dd className="text-2xl font-semibold">{overview.activeCouples}</dd>
        </Card>
        <Card>
          <dt className="text-sm text-muted">Counsellors</dt>
          <dd className="text-2xl font-semibold">{overview.counsellors.length}</dd>
        </Card>
        <Card>
          <dt className="text-sm text-muted">All couples</dt>
          <dd className="text-2xl font-semibold">{overview.totalCouples}</dd>
        </Card>
      </dl>
      <div className="overflow-x-auto rounded-lg border border-line bg-surface">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Counsellors and their caseloads</caption>
          <thead className="bg-bg">
            <tr>
              <th scope="col" className="px-3 py-2">Counsellor</th>
              <th scope="col" className="px-3 py-2">Active couples</th>
              <th scope="col" className="px-3 py-2">All couples</th>
            </tr>
          </thead>
          <tbody>
            {overview.counsellors.map((c) => (
              <tr key={c.id} className="border-t border-line">
                <th scope="row" className="px-3 py-2 font-medium">
                  {c.name}
                  {c.active ? null : <span className="ml-2 text-muted">(deactivated)</span>}
                </th>
                <td className="px-3 py-2">{c.activeCouples}</td>
                <td className="px-3 py-2">{c.totalCouples}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
