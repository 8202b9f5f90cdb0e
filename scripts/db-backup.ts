import path from "node:path";
import { backupPglite, backupPostgres, defaultBackupFile } from "../db/backup";
import { dataDir } from "../db/index";

/**
 * npm run db:backup [-- <file>]
 * DATABASE_URL set: pg_dump -Fc of that database. Otherwise: a tarball of the embedded database's
 * folder (MEND_DATA_DIR, default .data/pglite); stop Mend first, as it holds that folder.
 */
async function main() {
  const started = Date.now();
  const url = process.env.DATABASE_URL;
  const file = process.argv.slice(2).find((arg) => !arg.startsWith("--")) ?? defaultBackupFile(url ? "postgres" : "pglite");
  if (url) await backupPostgres(url, file);
  else await backupPglite(path.resolve(dataDir()), file);
  console.log(`Backed up the ${url ? "postgres" : "embedded"} database to ${file} in ${Date.now() - started} ms.`);
}

main().catch((error) => {
  console.error(`Could not back up: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
