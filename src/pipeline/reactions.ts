// Reader reactions: the one place a vote is validated and recorded.
import { LedeError } from '../core/errors.ts';
import type { ReactionChoice, ReactionCount } from '../core/records.ts';
import { type Store, withCounts } from '../store/store.ts';

/** Records a reader's reaction, replacing an earlier one; throws not-found or unknown-reaction. */
export async function castReaction(
  store: Store,
  choices: readonly ReactionChoice[],
  vote: { articleId: string; readerId: string; reaction: unknown },
): Promise<ReactionCount[]> {
  if (!(await store.getArticle(vote.articleId))) {
    throw new LedeError('not-found', `reactions: no article with id ${vote.articleId}`);
  }
  const choice = choices.find((c) => c.id === vote.reaction);
  if (!choice) {
    throw new LedeError('unknown-reaction', `reactions: unknown reaction ${JSON.stringify(vote.reaction)}; expected one of ${choices.map((c) => c.id).join(', ')}`);
  }
  await store.setReaction(vote.articleId, vote.readerId, choice.id);
  return withCounts(choices, await store.reactionCounts(vote.articleId));
}

/** The reaction counts of an article and the reader's own choice. */
export async function readReactions(
  store: Store,
  choices: readonly ReactionChoice[],
  articleId: string,
  readerId: string | undefined,
): Promise<{ counts: ReactionCount[]; chosen?: string }> {
  const [counts, chosen] = await Promise.all([
    store.reactionCounts(articleId),
    readerId ? store.readerReaction(articleId, readerId) : Promise.resolve(undefined),
  ]);
  return { counts: withCounts(choices, counts), chosen };
}
