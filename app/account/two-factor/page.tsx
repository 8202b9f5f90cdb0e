import { redirect } from "next/navigation";
import { AppShell } from "@/components/app-shell/app-shell";
import { Enrolment } from "@/components/second-factor/enrolment";
import { qrDataUrl } from "@/components/second-factor/qr-code";
import { Card, CardTitle } from "@/components/ui/card";
import { getEnrolment, getTwoFactorStatus } from "@/lib/dal/second-factor";
import { HOME_BY_ROLE, requireViewer } from "@/lib/dal/viewer";
import { enableSecondFactorAction } from "./actions";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Set up two-factor sign-in" };

export default async function TwoFactorSetupPage() {
  const viewer = await requireViewer();
  if ((await getTwoFactorStatus()).enabled) redirect("/account");
  const enrolment = await getEnrolment();
  return (
    <AppShell viewer={viewer} nav={[{ href: HOME_BY_ROLE[viewer.role], label: "Home" }]}>
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">Set up two-factor sign-in</h1>
        <Card>
          <CardTitle className="mb-3">Add Mend to your authenticator app</CardTitle>
          <Enrolment qr={await qrDataUrl(enrolment.uri)} secret={enrolment.secret} action={enableSecondFactorAction} continueHref="/account" />
        </Card>
      </div>
    </AppShell>
  );
}
