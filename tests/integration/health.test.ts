import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { db } from "@/db/ready";

describe("readiness probe", () => {
  // Migrating a fresh database takes longer than the probe waits: until then it is rightly not ready.
  beforeAll(async () => {
    await db();
  });

  it("answers 200 ready, never cached, when the database answers", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ready" });
  });
});
