import { generateSecret, generateURI, verify } from "otplib";

/** The issuer authenticator apps show beside the code. */
export const TOTP_ISSUER = "Mend";

/** How long each code lasts: the authenticator apps' default, which the enrolment URI leaves implied. */
const TOTP_PERIOD_SECONDS = 30;

/** A fresh base32 TOTP seed (20 random bytes, as authenticator apps expect). */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// address the enrolment QR code carries. */
export function totpUri(secret: string, accountEmail: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountEmail, secret });
}

/**
 * The time step (30-second counter) a 6-digit code belongs to, or null when it matches none.
 * Accepts the step before and after the current one (±30 s) for clock drift between the phone
 * and the server. The caller records the step it accepts, so the same code (or an older one)
 * cannot be used again: see `acceptStep` in lib/dal/second-factor.
 */
export async function matchTotp(secret: string, code: string): Promise<number | null> {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  // One reading of the clock, so the step is counted from the same moment the code was checked at.
  const epoch = Math.floor(Date.now() / 1000);
  try {
    const result = await verify({ secret, token, epoch, epochTolerance: 30 });
    return result.valid ? Math.floor(epoch / TOTP_PERIOD_SECONDS) + result.delta : null;
  } catch {
    return null;
  }
}

/** Whether a 6-digit code matches the secret now (±30 s), without regard to earlier use. */
export async function checkTotp(secret: string, code: string): Promise<boolean> {
  return (await matchTotp(secret, code)) !== null;
}
