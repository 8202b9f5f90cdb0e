/** Runs once when the server starts; the work lives in lib/boot (Node.js only). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // First, so no request is served before its socket address is known.
    const { stampPeerAddress } = await import("./lib/http/stamp-peer-address");
    stampPeerAddress();
    // Likewise first: Next fails on an unreadable router header before proxy.ts could refuse it.
    const { screenRouterHeaders } = await import("./lib/http/router-headers");
    screenRouterHeaders();
    const { trustedProxies } = await import("./lib/http/client-address");
    try {
      trustedProxies();
    } catch (error) {
      // A misread proxy list would either trust anyone's X-Forwarded-For or no one's: refuse to guess.
      console.error(`\n[mend] ${(error as Error).message}\n`);
      process.exit(1);
    }
    const { boot } = await import("./lib/boot");
    await boot();
    // Not while `next build` prerenders: only a serving process keeps the clinic figures fresh.
    if (process.env.NEXT_PHASE !== "phase-production-build") {
      const { startClinicFiguresRefresh } = await import("./lib/jobs/clinic-figures");
      startClinicFiguresRefresh();
    }
  }
}
