import type { Role } from "@/db/schema";

type TestUser = { id: string; role: Role; clinicId: string; sessionVersion?: number };

/** Makes the DAL see this user as signed in (the auth module is mocked in tests/integration/setup.ts). */
export function signInAs(user: TestUser | null): void {
  (globalThis as { __mendTestSession?: unknown }).__mendTestSession = user
    ? { user: { id: user.id, role: user.role, clinicId: user.clinicId, sessionVersion: user.sessionVersion ?? 1 }, expires: "2999-01-01" }
    : null;
}
