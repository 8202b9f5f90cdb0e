import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getMyCheckInToday } from "@/lib/dal/check-ins";
import { getViewerToday } from "@/lib/dal/today";
import { CheckInForm } from "./check-in-form";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Daily check-in" };

export default async function CheckInPage() {
  const mine = await getMyCheckInToday();
  const today = await getViewerToday();
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader
        title="Daily check-in"
        description={mine ? "You've checked in today. You can change your answers until the end of the day." : "A minute to say how today has been."}
      />
      <Card>
        <CheckInForm
          today={today}
          initial={
            mine
              ? {
                  trust: String(mine.trust),
                  closeness: String(mine.closeness),
                  mood: mine.mood,
                  contact: mine.contact,
                  note: mine.note ?? "",
                  noteVisibility: mine.noteVisibility,
                }
              : null
          }
        />
      </Card>
    </div>
  );
}
