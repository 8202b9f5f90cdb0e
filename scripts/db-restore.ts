import path from "node:path";
import { newestBackupFile, restorePglite, restorePostgres } from "../db/backup";
import { dataDir } from "../db/index";

/**
 * npm run db:restore [-- <file>] [--force]
 * Restores a backup made by db:backup (the newest in backups/ when no file is named) into
 * DATABASE_URL's database, or into the embedded database's folder. A target that already holds
 * data is refused unless --force: a server database is emptied first, an embedded folder is moved
 * aside. Stop Mend first.
 */
async function main() {
  const started = Date.now();
  const url = process.env.DATABASE_URL;
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const file = args.find((arg) => !arg.startsWith("--")) ?? newestBackupFile(url ? "postgres" : "pglite");
  if (!file) throw new Error("Name the backup file to restore (none found in backups/).");
  if (url) {
    await restorePostgres(url, file, { force });
  } else {
    const movedTo = await restorePglite(file, path.resolve(dataDir()), { force });
    if (movedTo) console.log(`The previous embedded database was moved to ${movedTo}.`);
  }
  console.log(`Restored ${file} into the ${url ? "postgres" : "embedded"} database in ${Date.now() - started} ms.`);
}

main().catch((error) => {
  console.error(`Could not restore: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
