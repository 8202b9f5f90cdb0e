/** Runs once when the server starts; the work lives in lib/boot (Node.js only). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // First, so no request is served before its socket address is known.
    const { stampPeerAddress } = await import("./lib/http/stamp-peer-address");
    stampPeerAddress();
    const { boot } = await import("./lib/boot");
    await boot();
  }
}
