import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getInvitation } from "@/lib/dal/invitations";
import { AcceptForm } from "./accept-form";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Your invitation" };

type Props = { params: Promise<{ token: string }> };

const ENDED = {
  expired: { title: "This link has expired", body: "Invitation links work for 7 days. Ask your counsellor or clinic to send a new one." },
  used: { title: "This link has already been used", body: "Each invitation link works once. If you set your password with it, sign in with your email and password." },
  invalid: { title: "This link isn't valid", body: "Check that you copied the whole link, or ask for a new one." },
} as const;

export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const invitation = await getInvitation(token);
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-6 px-4 py-10">
      <p className="text-center text-3xl font-semibold tracking-tight text-brand">Mend</p>
      {invitation.state === "valid" ? (
        <Card>
          <h1 className="text-xl font-semibold">Welcome, {invitation.name}</h1>
          <p className="mt-1 mb-4 text-muted">
            {invitation.role === "partner"
              ? `${invitation.clinicName} has invited you to Mend. Choose a password to finish setting up your account (${invitation.email}).`
              : `You've been invited to join ${invitation.clinicName} on Mend. Choose a password for ${invitation.email}.`}
          </p>
          <AcceptForm token={token} email={invitation.email} />
        </Card>
      ) : (
        <Card>
          <h1 className="text-xl font-semibold">{ENDED[invitation.state].title}</h1>
          <Alert tone="warn" className="mt-3">
            {ENDED[invitation.state].body}
          </Alert>
          <p className="mt-4">
            <Link href="/login" className="font-medium text-brand underline">
              Go to sign in
            </Link>
          </p>
        </Card>
      )}
    </main>
  );
}
