import { generateSecret, generateURI, verify } from "otplib";

/** The issuer authenticator apps show beside the code. */
export const TOTP_ISSUER = "Mend";

/** A fresh base32 TOTP seed (20 random bytes, as authenticator apps expect). */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// address the enrolment QR code carries. */
export function totpUri(secret: string, accountEmail: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountEmail, secret });
}

/**
 * Checks a 6-digit code, accepting the step before and after the current one (±30 s) for clock
 * drift between the phone and the server.
 */
export async function checkTotp(secret: string, code: string): Promise<boolean> {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return false;
  try {
    const result = await verify({ secret, token, epochTolerance: 30 });
    return result.valid;
  } catch {
    return false;
  }
}
