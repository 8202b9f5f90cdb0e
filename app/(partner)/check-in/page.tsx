import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getMyContactExpectation } from "@/lib/dal/agreements";
import { getMyCheckInToday } from "@/lib/dal/check-ins";
import { getViewerToday } from "@/lib/dal/today";
import { frequencyLabel } from "@/lib/validations/agreements";
import { CheckInForm } from "./check-in-form";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Daily check-in" };

/** The contact agreement in force, as the contact question names it: "a call every evening, every day". */
function contactWords(title: string, perWeek: number): string {
  return `${title.replace(/[.!]+$/, "")}, ${frequencyLabel(perWeek).toLowerCase()}`;
}

export default async function CheckInPage() {
  const [mine, contact] = await Promise.all([getMyCheckInToday(), getMyContactExpectation()]);
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
          agreedContact={contact.agreement ? contactWords(contact.agreement.title, contact.perWeek) : null}
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
