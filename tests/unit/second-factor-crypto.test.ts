import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { generateRecoveryCodes, hashRecoveryCode, openSecret, sameDigest, sealSecret } from "@/lib/auth/secret-box";
import { checkTotp, newTotpSecret } from "@/lib/auth/totp";

const KEY = "unit-test-secret-0123456789abcdef0123";

describe("sealing second-factor secrets", () => {
  it("round-trips, with a fresh IV each time", () => {
    const secret = newTotpSecret();
    const a = sealSecret(secret, KEY);
    const b = sealSecret(secret, KEY);
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret);
    expect(openSecret(a, KEY)).toBe(secret);
    expect(openSecret(b, KEY)).toBe(secret);
  });

  it("refuses a box sealed under another AUTH_SECRET, or altered", () => {
    const sealed = sealSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", KEY);
    expect(() => openSecret(sealed, "another-secret-0123456789abcdef0123")).toThrow();
    const [v, iv, tag, body] = sealed.split(".");
    const flipped = body!.startsWith("A") ? `B${body!.slice(1)}` : `A${body!.slice(1)}`;
    expect(() => openSecret([v, iv, tag, flipped].join("."), KEY)).toThrow();
    expect(() => openSecret("nonsense", KEY)).toThrow();
  });
});

describe("recovery codes", () => {
  it("are ten distinct 16-character codes from an unambiguous alphabet", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/);
  });

  it("hash the same however they are typed, and differently from each other", () => {
    const [code, another] = generateRecoveryCodes(2) as [string, string];
    const stored = hashRecoveryCode(code);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(code.replaceAll("-", ""));
    expect(sameDigest(hashRecoveryCode(` ${code.toUpperCase().replaceAll("-", " ")} `), stored)).toBe(true);
    expect(sameDigest(hashRecoveryCode(another), stored)).toBe(false);
  });
});

describe("TOTP codes", () => {
  it("accepts the current code and refuses others and non-codes", async () => {
    const secret = newTotpSecret();
    expect(await checkTotp(secret, await generate({ secret }))).toBe(true);
    const now = Math.floor(Date.now() / 1000);
    expect(await checkTotp(secret, await generate({ secret, epoch: now - 30 }))).toBe(true);
    expect(await checkTotp(secret, await generate({ secret, epoch: now - 120 }))).toBe(false);
    expect(await checkTotp(secret, "12345")).toBe(false);
    expect(await checkTotp(secret, "abcdef")).toBe(false);
  });
});
