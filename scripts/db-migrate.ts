import { closeDb, getHandle } from "../db";
import { runMigrations } from "../db/migrate";

async function main() {
  const started = Date.now();
  await runMigrations();
  console.log(`Migrations applied to the ${getHandle().kind} database in ${Date.now() - started} ms.`);
}

main()
  .catch((error) => {
    console.error(`Could not migrate: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
