// Picks the bullets from scored candidates: best first, skipping a sentence that repeats a phrase
// already picked (trigram blocking) and a sentence that opens with a pronoun ("He said …",
// "This was …") when the sentence before it is not picked, so no bullet dangles without its
// antecedent. The picks are returned in document order.
import type { Candidate } from './build-candidates.ts';
import { PRONOUN_START } from './sentence-features.ts';

function trigrams(text: string): Set<string> {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 2 < tokens.length; i++) out.add(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`);
  return out;
}

/** Chooses up to `max` candidates by score with trigram blocking and (unless turned off) the antecedent rule. */
export function selectBullets(candidates: readonly Candidate[], scores: readonly number[], max: number, antecedentRule = true): Candidate[] {
  const order = candidates.map((_, k) => k).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const picked: Candidate[] = [];
  const pickedIndex = new Set<number>();
  const pickedTrigrams = new Set<string>();
  const deferred: number[] = [];
  const tryPick = (k: number): boolean => {
    const c = candidates[k]!;
    const tri = trigrams(c.text);
    for (const t of tri) if (pickedTrigrams.has(t)) return true; // redundant: drop for good
    if (antecedentRule && PRONOUN_START.test(c.text) && !pickedIndex.has(c.index - 1)) return false;
    picked.push(c);
    pickedIndex.add(c.index);
    for (const t of tri) pickedTrigrams.add(t);
    return true;
  };
  for (const k of order) {
    if (picked.length >= max) break;
    if (!tryPick(k)) deferred.push(k);
    // A deferred pronoun sentence becomes eligible once the sentence before it is picked.
    for (let d = 0; d < deferred.length && picked.length < max; d++) {
      const c = candidates[deferred[d]!]!;
      if (pickedIndex.has(c.index - 1) && tryPick(deferred[d]!)) deferred.splice(d--, 1);
    }
  }
  return picked.sort((a, b) => a.index - b.index);
}
