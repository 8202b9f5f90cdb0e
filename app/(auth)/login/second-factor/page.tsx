import { CodeForm } from "@/components/second-factor/code-form";
import { Enrolment } from "@/components/second-factor/enrolment";
import { qrDataUrl } from "@/components/second-factor/qr-code";
import { Card } from "@/components/ui/card";
import { getEnrolment, getPendingSignIn } from "@/lib/dal/second-factor";
import { cancelSignInAction, confirmSignInEnrolmentAction, verifySecondFactorAction } from "./actions";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Two-factor sign-in" };

/** The second step of signing in: a code, or enrolling first when the clinic requires it. */
export default async function SecondFactorPage() {
  const pending = await getPendingSignIn();
  const enrolment = pending.mustEnrol ? await getEnrolment() : null;
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-6 px-4 py-10">
      <div className="space-y-2 text-center">
        <p className="text-3xl font-semibold tracking-tight text-brand">Mend</p>
        <h1 className="text-xl font-medium">{enrolment ? "Set up two-factor sign-in" : "Two-factor sign-in"}</h1>
        <p className="text-sm text-muted">
          {enrolment
            ? "Your clinic asks staff to confirm each sign-in with a code from their phone. Set it up now to continue."
            : `Signing in as ${pending.email}. Enter the code from your authenticator app.`}
        </p>
      </div>
      <Card>
        {enrolment ? (
          <Enrolment qr={await qrDataUrl(enrolment.uri)} secret={enrolment.secret} action={confirmSignInEnrolmentAction} continueHref="/" />
        ) : (
          <CodeForm
            action={verifySecondFactorAction}
            label="Code"
            hint="The 6-digit code from your app, or one of your recovery codes."
            submit="Continue"
          />
        )}
      </Card>
      <form action={cancelSignInAction} className="text-center">
        <button type="submit" className="text-sm font-medium text-brand underline underline-offset-2">
          Cancel and go back to sign in
        </button>
      </form>
    </main>
  );
}
