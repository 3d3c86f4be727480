// The admin Jobs page: counts per queue and state, and the jobs that failed for good (the dead
// letter). Everything shown is text, escaped by the templates.
import { AdminFrame } from './admin-pages.tsx';
import { Time } from './layout.tsx';

/** Job queues: counts per queue and state, and the jobs that failed for good (the dead letter). */
export function AdminJobsPage(props: {
  email: string;
  csrf: string;
  counts: readonly { queue: string; queued: number; deferred?: number; active: number; failed: number; completed: number }[];
  failed: readonly { id: string; queue: string; subject: string; error: string; failedAt: string; attempts: number }[];
  feedEntries: Readonly<Record<string, number>>;
}) {
  return (
    <AdminFrame title="Jobs" email={props.email} csrf={props.csrf} current="jobs">
      <table class="admin" data-table="queues">
        <thead>
          <tr>
            <th scope="col">Queue</th>
            <th scope="col">Queued</th>
            <th scope="col">Not due yet</th>
            <th scope="col">Running</th>
            <th scope="col">Failed for good</th>
            <th scope="col">Done</th>
          </tr>
        </thead>
        <tbody>
          {props.counts.map((c) => (
            <tr data-queue={c.queue}>
              <th scope="row">{c.queue}</th>
              <td>{c.queued}</td>
              <td>{c.deferred ?? '—'}</td>
              <td>{c.active}</td>
              <td data-failed={c.failed}>{c.failed}</td>
              <td>{c.completed}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">
        Feed entries: {Object.entries(props.feedEntries).map(([state, n], i) => `${i ? ', ' : ''}${n} ${state}`)}.
      </p>
      <h2>Failed for good</h2>
      {props.failed.length === 0 ? <p class="empty">No job has failed for good.</p> : null}
      {props.failed.length > 0 ? (
        <table class="admin" data-table="dead-letter">
          <thead>
            <tr>
              <th scope="col">Queue</th>
              <th scope="col">About</th>
              <th scope="col">Error</th>
              <th scope="col">Attempts</th>
              <th scope="col">Failed</th>
            </tr>
          </thead>
          <tbody>
            {props.failed.map((job) => (
              <tr data-job={job.id}>
                <td>{job.queue}</td>
                <td>{job.subject}</td>
                <td class="error">{job.error}</td>
                <td>{job.attempts}</td>
                <td>
                  <Time iso={job.failedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </AdminFrame>
  );
}
