import "server-only";
import nodemailer, { type Transporter } from "nodemailer";

let transporter: Transporter | null | undefined;

/** An SMTP transport when SMTP_HOST is set; without it Mend only shows links to copy. */
function getTransporter(): Transporter | null {
  if (transporter !== undefined) return transporter;
  const host = process.env.SMTP_HOST;
  if (!host) return (transporter = null);
  const port = Number(process.env.SMTP_PORT || 587);
  transporter = nodemailer.createTransport({
    host,
    port,
    secure: process.env.SMTP_SECURE ? process.env.SMTP_SECURE === "true" : port === 465,
    auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD ?? "" } : undefined,
    connectionTimeout: 10_000,
  });
  return transporter;
}

/**
 * Sends an invitation link. Returns false (and logs why) rather than throwing: the link is
 * shown on screen either way, so a mail problem never loses the invitation.
 */
export async function sendInvitationEmail(input: { to: string; name: string; url: string; inviterName: string; role: "partner" | "counsellor" }): Promise<boolean> {
  const transport = getTransporter();
  if (!transport) return false;
  const purpose =
    input.role === "partner"
      ? `${input.inviterName} has invited you to Mend, where you and your partner will do check-ins and exercises between sessions.`
      : `${input.inviterName} has invited you to join your clinic on Mend as a counsellor.`;
  try {
    await transport.sendMail({
      from: process.env.SMTP_FROM || "Mend <no-reply@mend.invalid>",
      to: input.to,
      subject: "Your invitation to Mend",
      text: `Hello ${input.name},\n\n${purpose}\n\nChoose your password here (the link works once, for 7 days):\n${input.url}\n\nIf you weren't expecting this, you can ignore this email.\n`,
    });
    return true;
  } catch (error) {
    console.error("[mend] could not send an invitation email:", error instanceof Error ? error.message : error);
    return false;
  }
}
