import type { FastifyBaseLogger } from 'fastify';
import { claimableJobIds } from './imports.repository.ts';
import { runJob, staleBefore, type JobDeps } from './job.ts';

/**
 * Runs import jobs in the background, one at a time, in this process. On start it takes up jobs that
 * were queued or left running by a process that stopped; on stop it finishes the batch in hand and
 * puts the job back in the queue at its checkpoint.
 */
export function importRunner(deps: JobDeps, log: FastifyBaseLogger) {
  const queue: string[] = [];
  let stopping = false;
  let active: Promise<void> | null = null;

  async function drain() {
    while (!stopping) {
      const id = queue.shift();
      if (!id) return;
      try {
        await runJob(deps, id, { shouldStop: () => stopping });
      } catch (err) {
        log.error({ err, importJob: id }, 'import job failed');
      }
    }
  }

  const runner = {
    enqueue(id: string) {
      if (stopping || queue.includes(id)) return;
      queue.push(id);
      active ??= drain().finally(() => {
        active = null;
        if (queue.length && !stopping) runner.enqueue(queue.shift() as string);
      });
    },
    async resume() {
      for (const id of await claimableJobIds(deps.db, staleBefore(deps.clock))) runner.enqueue(id);
    },
    async stop() {
      stopping = true;
      queue.length = 0;
      await active;
    },
  };
  return runner;
}

export type ImportRunner = ReturnType<typeof importRunner>;
