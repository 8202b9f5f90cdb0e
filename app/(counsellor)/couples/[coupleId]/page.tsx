import { getCouplePage } from "@/lib/dal/couple-page";
import { DEFAULT_CONTACT_LABEL } from "@/lib/validations/agreements";
import { couplePageQuerySchema } from "@/lib/validations/couple-page";
import { ActivitySections } from "./activity-sections";
import { AssignmentsSection } from "./assignments-section";
import { CoupleHeader } from "./couple-header";
import { InvitationsSection } from "./invitations-section";
import { JointWorkCard } from "./joint-work-card";
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
  const data = await getCouplePage(coupleId, couplePageQuerySchema.parse(query));
  const { couple, activity } = data;
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
      <NotesSection coupleId={couple.id} notes={data.notes} search={data.noteSearch} zone={data.timeZone} />
      <InvitationsSection coupleId={couple.id} invitations={data.invitations} />
      <ActivitySections activity={activity} zone={data.timeZone} />
    </div>
  );
}
