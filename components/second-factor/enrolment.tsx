/* eslint-disable @next/next/no-img-element -- a data: URL drawn on the server; nothing to optimise */
import { CodeForm } from "./code-form";
import type { ComponentProps } from "react";

type Props = { qr: string; secret: string; action: ComponentProps<typeof CodeForm>["action"]; continueHref: string };

/** Scan (or type) the secret into an authenticator app, then confirm with its first code. */
export function Enrolment({ qr, secret, action, continueHref }: Props) {
  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-2 pl-5 text-sm">
        <li>Open an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator or 1Password).</li>
        <li>Scan this code, or add an account by hand with the key below.</li>
        <li>Type the 6-digit code the app shows.</li>
      </ol>
      <img src={qr} alt="QR code to add Mend to your authenticator app" width={220} height={220} className="rounded-md border border-line" />
      <p className="text-sm">
        Key for typing in by hand:{" "}
        <code className="font-mono break-all" data-testid="totp-secret">
          {secret}
        </code>
      </p>
      <CodeForm action={action} label="Code from your app" hint="6 digits." submit="Turn on two-factor sign-in" continueHref={continueHref} />
    </div>
  );
}
