import "server-only";
import type { Database, Executor } from "@/db";
import { db } from "@/db/ready";
import type { AuditAction } from "@/lib/audit/actions";
import { recordAudit, type AuditInput } from "@/lib/dal/audit";

/**
 * The one entry point for work that runs with nobody signed in: scheduled jobs such as reminders.
 *
 * Every function in lib/dal starts from the signed-in viewer and reads only what that person may
 * see. A job has no viewer, so it gets the whole database, and answers for it by name instead: each
 * run is audited as "job.run" under the job's name (with its outcome and duration), and every
 * event the job records carries the name too.
 *
 * Pages, layouts, server actions, route handlers and components must never use this: what they do
 * belongs to the person signed in. ESLint refuses an import of lib/jobs from app/ or components/.
 *
 * A new job lives in lib/jobs/<name>.ts, exports one function that calls runAsSystem with its name,
 * and is started by the scheduler, never by a request.
 */

/** Job names as they appear in the audit log: lower-case words joined by "-" or ".". */
const JOB_NAME = /^[a-z][a-z0-9]*([.-][a-z0-9]+)*$/;

/** What a job is handed: its name, the unscoped database, and the audit trail signed with its name. */
export type SystemJob = {
  name: string;
  db: Database;
  /** Records one audit event as this job (no person acts; the event's metadata names the job). */
  audit<A extends AuditAction>(tx: Executor, event: AuditInput<A>): Promise<void>;
};

/**
 * Runs `work` as the named job, outside any viewer's scope, and audits the run: "job.run" with
 * outcome "success" and the duration, or "failure" when `work` throws (the error is then rethrown
 * for the scheduler to retry or report). Refuses a malformed name before anything runs.
 */
export async function runAsSystem<T>(name: string, work: (job: SystemJob) => Promise<T>): Promise<T> {
  if (!JOB_NAME.test(name)) throw new RangeError(`not a job name: ${JSON.stringify(name)}`);
  const database = await db();
  const started = Date.now();
  const job: SystemJob = {
    name,
    db: database,
    // No request stands behind a job, so its events carry no address.
    audit: (tx, event) => recordAudit(tx, { ...event, actorId: null, job: name, address: null }),
  };
  const finish = (outcome: "success" | "failure") =>
    recordAudit(database, {
      clinicId: null,
      actorId: null,
      action: "job.run",
      entityId: name,
      outcome,
      job: name,
      address: null,
      metadata: { ms: Date.now() - started },
    });
  let result: T;
  try {
    result = await work(job);
  } catch (error) {
    // The run's failure is worth recording, but never instead of the error itself.
    await finish("failure").catch(() => {});
    throw error;
  }
  await finish("success");
  return result;
}
