// GET /admin/jobs — the job queues: counts by state and the jobs that failed for good.
import type { Hono } from 'hono';
import { LedeError } from '../../core/errors.ts';
import { requireAdmin } from '../admin-session.ts';
import { renderPage } from '../render-page.tsx';
import { AdminJobsPage } from '../views/admin-jobs-page.tsx';
import type { WebDeps } from '../web-deps.ts';

/** What a failed job was about, from its payload (ids only). */
function subjectOf(data: unknown, sources: ReadonlyMap<string, string>): string {
  if (!data || typeof data !== 'object') return '';
  const { sourceId, entryKey } = data as { sourceId?: unknown; entryKey?: unknown };
  const source = typeof sourceId === 'string' ? (sources.get(sourceId) ?? `source ${sourceId} (deleted)`) : '';
  return [source, typeof entryKey === 'string' ? entryKey : ''].filter(Boolean).join(': ');
}

/** Registers the admin jobs page. */
export function registerAdminJobs(app: Hono, deps: WebDeps): void {
  app.get('/admin/jobs', async (c) => {
    const session = await requireAdmin(c, deps);
    const queue = deps.queue;
    if (!queue) throw new LedeError('not-found', 'This process has no job queue.');
    const [counts, failed, sources, feedEntries] = await Promise.all([queue.counts(), queue.failedJobs(50), deps.store.listSources(), deps.store.feedEntryCounts()]);
    const names = new Map(sources.map((s) => [s.id, s.name]));
    return renderPage(
      c,
      deps,
      <AdminJobsPage
        email={session.admin.email}
        csrf={session.csrf}
        counts={Object.entries(counts).map(([name, n]) => ({ queue: name, ...n }))}
        failed={failed.map((j) => ({ id: j.id, queue: j.name, subject: subjectOf(j.data, names), error: j.error, failedAt: j.failedAt, attempts: j.attempts }))}
        feedEntries={feedEntries}
      />,
    );
  });
}
