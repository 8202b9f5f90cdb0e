import { PageHeader } from "@/components/ui/page-header";
import { getViewerToday } from "@/lib/dal/today";
import { requireRole } from "@/lib/dal/viewer";
import { NewCoupleForm } from "./new-couple-form";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "New couple" };

export default async function NewCouplePage() {
  await requireRole("counsellor");
  return (
    <>
      <PageHeader
        title="New couple"
        description="Add a couple to your caseload and invite both partners. Each gets a single-use link, valid for 7 days, to set their password."
      />
      <NewCoupleForm today={await getViewerToday()} />
    </>
  );
}
