import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { resolveAuthSecret } from "./secret";

const VERSION = "v1";
// A fixed, purpose-specific HKDF salt and info: the same AUTH_SECRET yields unrelated keys for
// unrelated uses, and this key for nothing but second-factor secrets.
const SALT = "mend/second-factor";
const INFO = "aes-256-gcm secret box";

function key(secret = resolveAuthSecret()): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, SALT, INFO, 32));
}

/**
 * Encrypts a short secret (a TOTP seed) with AES-256-GCM under a key derived from AUTH_SECRET.
 * The result is `v1.<iv>.<tag>.<ciphertext>` in base64url: a database dump alone does not give
 * anyone the seeds. Rotating AUTH_SECRET makes stored seeds unreadable (staff enrol again).
 */
export function sealSecret(plain: string, secret?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** Opens a {@link sealSecret} box; throws when it was tampered with or sealed under another key. */
export function openSecret(sealed: string, secret?: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("Unreadable sealed secret.");
  const decipher = createDecipheriv("aes-256-gcm", key(secret), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i: read aloud or typed from paper

/**
 * Ten recovery codes of 16 characters from a 31-letter alphabet (about 79 bits each), shown as
 * four groups of four. With that much entropy a plain SHA-256 is enough to store them: nobody can
 * enumerate 2^79 candidates, so a slow password hash would add cost without adding safety, and a
 * fast hash lets sign-in look a code up directly.
 */
export function generateRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(32);
    let code = "";
    // Rejection sampling keeps every letter equally likely.
    for (const byte of bytes) {
      if (byte >= 248) continue;
      code += RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length];
      if (code.length === 16) break;
    }
    while (code.length < 16) code += RECOVERY_ALPHABET[randomBytes(1)[0]! % RECOVERY_ALPHABET.length];
    return code.match(/.{4}/g)!.join("-");
  });
}

/** What a person typed, in the form codes are hashed in: case, spaces and dashes do not matter. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, "");
}

/** The stored form of a recovery code. */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(`mend-recovery:${normaliseRecoveryCode(code)}`).digest("hex");
}

/** Constant-time comparison of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
