import Link from "next/link";
import { CodeForm } from "@/components/second-factor/code-form";
import { Card, CardTitle } from "@/components/ui/card";
import { getTwoFactorStatus } from "@/lib/dal/second-factor";
import { disableSecondFactorAction } from "./two-factor/actions";

/** Two-factor sign-in on the account page: set it up, or turn it off with a code. */
export async function TwoFactorCard() {
  const status = await getTwoFactorStatus();
  return (
    <Card aria-labelledby="two-factor-heading">
      <CardTitle id="two-factor-heading">Two-factor sign-in</CardTitle>
      {status.enabled ? (
        <div className="mt-1 space-y-3">
          <p className="text-sm text-muted">
            On. Each sign-in asks for a code from your authenticator app. Recovery codes left: {status.recoveryCodesLeft}.
          </p>
          {status.requiredByClinic ? (
            <p className="text-sm text-muted">Your clinic requires it for staff. If you lose your phone, ask your clinic admin to reset it.</p>
          ) : (
            <CodeForm action={disableSecondFactorAction} label="Code from your app, to turn it off" hint="6 digits." submit="Turn off" continueHref="/account" />
          )}
        </div>
      ) : (
        <div className="mt-1 space-y-3">
          <p className="text-sm text-muted">
            Off. With it on, signing in also asks for a code from an app on your phone, so a stolen password alone is not enough.
          </p>
          <Link href="/account/two-factor" className="inline-block font-medium text-brand underline underline-offset-2">
            Set up two-factor sign-in
          </Link>
        </div>
      )}
    </Card>
  );
}
