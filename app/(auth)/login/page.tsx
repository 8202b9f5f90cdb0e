import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getDemoSignIns } from "@/lib/dal/auth";
import { getSessionState } from "@/lib/dal/viewer";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { LoginForm } from "./login-form";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; signedOut?: string | string[] }> };

async function currentSession() {
  try {
    return (await getSessionState()).status;
  } catch {
    // An unreachable database should still show the form; signing in will explain.
    return "signed-out";
  }
}

export default async function LoginPage({ searchParams }: Props) {
  const status = await currentSession();
  if (status === "signed-in") redirect("/");
  // A correct password still owing its second step goes on to it.
  if (status === "second-factor") redirect("/login/second-factor");
  const { callbackUrl, signedOut } = await searchParams;
  const demo = getDemoSignIns();
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-6 px-4 py-10">
      <div className="space-y-2 text-center">
        <p className="text-3xl font-semibold tracking-tight text-brand">Mend</p>
        <h1 className="text-xl font-medium">Sign in</h1>
        <p className="text-sm text-muted">For counsellors, the couples they support, and their clinics.</p>
      </div>
      {signedOut === "idle" ? (
        <Alert tone="info">You were signed out after a while without activity, to keep your clients&apos; information private. Sign in to carry on.</Alert>
      ) : null}
      <Card>
        <LoginForm callbackUrl={safeRedirectPath(callbackUrl, "") || undefined} />
      </Card>
      {demo ? (
        <Card aria-labelledby="demo-heading" className="text-sm">
          <h2 id="demo-heading" className="font-semibold">
            Demo accounts
          </h2>
          <p className="mt-1 text-muted">
            This is a demo with made-up people. Every account uses the password <code className="font-mono text-ink">{demo.password}</code>.
          </p>
          <ul className="mt-3 space-y-1">
            {demo.accounts.map((account) => (
              <li key={account.email} className="flex flex-wrap justify-between gap-x-3">
                <code className="font-mono">{account.email}</code>
                <span className="text-muted">{account.label}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </main>
  );
}
