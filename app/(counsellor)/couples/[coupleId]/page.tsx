import { getCouplePage } from "@/lib/dal/couple-page";
import { DEFAULT_CONTACT_LABEL } from "@/lib/validations/agreements";
import { couplePageHref, couplePageQuerySchema, MAX_HISTORY_PAGES, type HistoryList } from "@/lib/validations/couple-page";
import { ActivitySections } from "./activity-sections";
import { AssignmentsSection } from "./assignments-section";
import { CoupleHeader } from "./couple-header";
import { InvitationsSection } from "./invitations-section";
import { JointWorkCard } from "./joint-work-card";
import { MeasuresSection } from "./measures-section";
import { NotesSection } from "./notes-section";
import { OverviewCards } from "./overview-cards";
import { ProgressSection } from "./progress-section";
import { SafetyBanner } from "./safety-banner";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Couple" };

type Props = {
  params: Promise<{ coupleId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function CouplePage({ params, searchParams }: Props) {
  const [{ coupleId }, query] = await Promise.all([params, searchParams]);
  const view = couplePageQuerySchema.parse(query);
  const data = await getCouplePage(coupleId, view);
  const { couple, activity } = data;
  // Each long list's "show more" link opens one more page of it and keeps the rest of the view.
  const moreHref = (list: HistoryList, anchor: string) =>
    `${couplePageHref(couple.id, view, { pages: { [list]: view.pages[list] + 1 } })}#${anchor}`;
  return (
    <div className="space-y-6">
      <CoupleHeader
        couple={couple}
        flags={data.figures.flags}
        contact={data.charts.defaultContact ? DEFAULT_CONTACT_LABEL : `${data.charts.checkInsPerWeek} check-ins a week agreed`}
      />
      <SafetyBanner coupleId={couple.id} concerns={activity.openSafetyConcerns} zone={data.timeZone} />
      <JointWorkCard coupleId={couple.id} paused={activity.jointWorkPaused} />
      <OverviewCards couple={couple} partners={data.figures.partners} currentStepDone={data.currentStepDone} />
      <ProgressSection coupleId={couple.id} charts={data.charts} />
      <AssignmentsSection
        couple={couple}
        assignments={activity.assignments}
        work={data.work}
        hasActiveAssignments={data.hasActiveAssignments}
        today={data.today}
      />
      <MeasuresSection couple={couple} measures={data.measures} />
      <NotesSection
        coupleId={couple.id}
        notes={data.notes}
        search={data.noteSearch}
        zone={data.timeZone}
        moreHref={data.moreNotes && view.pages.notes < MAX_HISTORY_PAGES ? moreHref("notes", "notes-heading") : null}
      />
      <InvitationsSection coupleId={couple.id} invitations={data.invitations} />
      <ActivitySections
        activity={activity}
        zone={data.timeZone}
        moreHrefs={{
          checkIns: activity.more.checkIns && view.pages.checkIns < MAX_HISTORY_PAGES ? moreHref("checkIns", "checkins-heading") : null,
          answers: activity.more.answers && view.pages.answers < MAX_HISTORY_PAGES ? moreHref("answers", "answers-heading") : null,
          agreements: activity.more.agreements && view.pages.agreements < MAX_HISTORY_PAGES ? moreHref("agreements", "agreements-heading") : null,
          promises: activity.more.promises && view.pages.promises < MAX_HISTORY_PAGES ? moreHref("promises", "promises-heading") : null,
        }}
      />
    </div>
  );
}
