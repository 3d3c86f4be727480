// Picks the bullets from scored candidates: best first, skipping a sentence that repeats a phrase
// already picked (trigram blocking) and a sentence that opens with a pronoun ("He said …",
// "This was …") or, in Korean, points back or gives the cause of the sentence before ("… 영향이다.")
// when the sentence before it is not picked, so no bullet dangles without its antecedent. The picks
// are returned in document order.
import type { Candidate } from './build-candidates.ts';
import { PRONOUN_START } from './sentence-features.ts';

/**
 * Korean sentences that lean on the one before: an opener pointing back ("이 같은 …", "이에 따라 …",
 * "이날 …") or an ending that gives the cause of what the sentence before said ("… 수요가 이어진
 * 영향이다.", "… 때문이다.").
 */
const KO_LEANS_BACK = /^\s*(?:이\s*같은|이같은|이러한|이런|이로\s*인해|이로써|이에\s*따라|이날|이후|그래서|따라서|그러자)\s|(?:영향|때문|덕분|탓|결과)(?:이다|이었다|으로\s*보인다|으로\s*풀이된다)\.?["”']?\s*$/u;

/** True for a sentence that needs the sentence before it to be understood. */
function needsAntecedent(text: string): boolean {
  return PRONOUN_START.test(text) || KO_LEANS_BACK.test(text);
}

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
    if (antecedentRule && needsAntecedent(c.text) && !pickedIndex.has(c.index - 1)) return false;
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
