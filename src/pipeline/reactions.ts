// Reader reactions: the one place a vote is validated and recorded.
import { LedeError, RetryAfterError } from '../core/errors.ts';
import type { ReactionChoice, ReactionCount } from '../core/records.ts';
import { type Store, withCounts } from '../store/store.ts';

/** Records a reader's reaction, replacing an earlier one, without reading the counts back. */
async function recordReaction(store: Store, choices: readonly ReactionChoice[], vote: { articleId: string; readerId: string; reaction: unknown }): Promise<void> {
  if (!(await store.getArticle(vote.articleId))) {
    throw new LedeError('not-found', `reactions: no article with id ${vote.articleId}`);
  }
  const choice = choices.find((c) => c.id === vote.reaction);
  if (!choice) {
    throw new LedeError('unknown-reaction', `reactions: unknown reaction ${JSON.stringify(vote.reaction)}; expected one of ${choices.map((c) => c.id).join(', ')}`);
  }
  await store.setReaction(vote.articleId, vote.readerId, choice.id);
}

/** Records a reader's reaction without limits (CLI, tests) and returns the new counts. */
export async function castReaction(
  store: Store,
  choices: readonly ReactionChoice[],
  vote: { articleId: string; readerId: string; reaction: unknown },
): Promise<ReactionCount[]> {
  await recordReaction(store, choices, vote);
  return withCounts(choices, await store.reactionCounts(vote.articleId));
}

/** Poll limits: votes per client address and per reader in a window; 0 turns one off. */
export interface VoteLimits {
  readonly perAddress: number;
  readonly perReader: number;
  readonly windowSeconds: number;
}

/** The limits when none are configured (LEDE_VOTE_LIMIT_* defaults). */
export const DEFAULT_VOTE_LIMITS: VoteLimits = Object.freeze({ perAddress: 300, perReader: 60, windowSeconds: 3600 });

/**
 * Records a vote within the limits: every attempt counts against the reader's and the client
 * address's quota (in the store, so every web process shares them), and an attempt over either
 * quota changes nothing and throws RetryAfterError.
 */
export async function castLimitedReaction(
  store: Store,
  choices: readonly ReactionChoice[],
  vote: { articleId: string; readerId: string; reaction: unknown; address: string },
  limits: VoteLimits,
  now: Date = new Date(),
): Promise<void> {
  const windowMs = limits.windowSeconds * 1000;
  const checks: [string, number][] = [
    [`vote:address:${vote.address}`, limits.perAddress],
    [`vote:reader:${vote.readerId}`, limits.perReader],
  ];
  const states = await Promise.all(checks.filter(([, max]) => max > 0).map(async ([key, max]) => ({ max, state: await store.hitRateLimit(key, windowMs, now) })));
  const over = states.filter((s) => s.state.count > s.max);
  if (over.length > 0) {
    const until = Math.max(...over.map((s) => Date.parse(s.state.resetAt)));
    throw new RetryAfterError('reactions: too many votes from this reader or network; try again later', until - now.getTime());
  }
  await recordReaction(store, choices, vote);
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
