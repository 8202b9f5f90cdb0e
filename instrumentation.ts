/** Runs once when the server starts; the work lives in lib/boot (Node.js only). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { boot } = await import("./lib/boot");
    await boot();
  }
}
