import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const MISSING_SECRET_MESSAGE =
  "AUTH_SECRET is not set. Mend signs sessions with it and will not start in production without one.\n" +
  "Generate one with `openssl rand -base64 32` (or `npx auth secret`) and start again with\n" +
  "AUTH_SECRET=<that value> npm start";

const DEV_SECRET_FILE = path.join(".data", "dev-auth-secret");

/**
 * The secret that signs session tokens. Production requires AUTH_SECRET; development and tests
 * make one up and keep it in .data so sessions survive a restart.
 */
export function resolveAuthSecret(): string {
  const fromEnv = process.env.AUTH_SECRET;
  if (fromEnv) return fromEnv;
  if (process.env.NODE_ENV === "production") throw new Error(MISSING_SECRET_MESSAGE);
  if (existsSync(DEV_SECRET_FILE)) return readFileSync(DEV_SECRET_FILE, "utf8").trim();
  const secret = randomBytes(32).toString("base64");
  mkdirSync(path.dirname(DEV_SECRET_FILE), { recursive: true });
  writeFileSync(DEV_SECRET_FILE, secret, { mode: 0o600 });
  console.warn(`[mend] AUTH_SECRET is not set: using a generated development secret stored in ${DEV_SECRET_FILE}`);
  return secret;
}
