import { closeDb, getRawDb } from "../db";
import { runMigrations } from "../db/migrate";
import { seedDemoIfEmpty } from "../db/seed/demo";

async function main() {
  await runMigrations();
  const seeded = await seedDemoIfEmpty(getRawDb());
  console.log(seeded ? `Seeded the demo clinic "${seeded.clinicName}".` : "The database already has a clinic; nothing seeded.");
}

main()
  .catch((error) => {
    console.error(`Could not seed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
