// The poll at the foot of an article page: the one part that differs per reader (their choice,
// the counts once they voted, their CSRF token), rendered apart from the rest of the page.
import type { ReactionCount } from '../../core/records.ts';

/** The question the poll asks. */
export const POLL_QUESTION = 'What did you think of the article you just read?';

/** What one reader's poll shows. */
export interface PollModel {
  articleId: string;
  reactions: readonly ReactionCount[];
  /** The reader's current reaction; counts are shown once there is one. */
  chosen?: string;
  csrf: string;
}

/** The poll form (works without JavaScript). */
export function PollSection(props: { model: PollModel }) {
  const { articleId, reactions, chosen, csrf } = props.model;
  const voted = chosen !== undefined;
  const total = reactions.reduce((n, r) => n + r.count, 0);
  return (
    <section class="poll" data-part="poll" id="poll" aria-labelledby="poll-question">
      <h2 id="poll-question">{POLL_QUESTION}</h2>
      <form method="post" action={`/articles/${articleId}/reactions`}>
        <input type="hidden" name="csrf" value={csrf} />
        <div class="reactions" role="group" aria-labelledby="poll-question">
          {reactions.map((r) => (
            <button type="submit" name="reaction" value={r.id} aria-pressed={r.id === chosen ? 'true' : 'false'} data-reaction={r.id}>
              <span class="label">{r.label}</span>
              {voted ? (
                <span class="count" data-count={String(r.count)}>
                  {r.count}
                </span>
              ) : null}
            </button>
          ))}
        </div>
      </form>
      <p class="poll-note" aria-live="polite">
        {voted
          ? `Thank you. ${total} ${total === 1 ? 'reader has' : 'readers have'} answered; you can change your answer.`
          : 'Pick one to see what other readers thought.'}
      </p>
    </section>
  );
}
