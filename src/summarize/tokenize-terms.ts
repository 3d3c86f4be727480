// Content terms of a sentence for overlap scoring: lower-cased words without stopwords, with a
// light English suffix stripper and, for Korean, eojeol with their particle/ending stripped.
// Deliberately light: it only has to make "police"/"police's" and "연구팀은"/"연구팀이" meet.

const EN_STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have ' +
    'having he her here hers herself him himself his how i if in into is it its itself just me more most my ' +
    'myself no nor not now of off on once only or other our ours ourselves out over own same she should so ' +
    'some such than that the their theirs them themselves then there these they this those through to too ' +
    'under until up very was we were what when where which while who whom why will with would you your ' +
    'yours yourself said says say told according one two new year years also like last first us mr mrs ms ' +
    'may might must get got would could us s t n\'t nt re ve ll d m lrb rrb cnn'
  ).split(' '),
);

const KO_STOPWORDS = new Set(
  (
    '있다 있는 있어 있고 있을 있었다 없다 했다 한다 하는 하고 하며 했고 된다 됐다 되는 되고 것 것이 것은 것을 것으로 ' +
    '수 등 및 또 또한 그리고 그러나 하지만 이번 지난 위해 통해 대한 대해 따라 밝혔다 말했다 설명했다 전했다 ' +
    '이 그 저 이는 그는 이를 한편 특히 이라고 라고 고 며 때문 때문에 가장 더 많은 모든 오는 이후 당시'
  ).split(' '),
);

// Longest first, so "에서는" is stripped before "는".
const KO_PARTICLES = [
  '으로부터', '에서부터', '이라면서', '이라고', '에서는', '에게서', '으로는', '으로서', '으로써', '으로도',
  '에서도', '까지는', '부터는', '이었다', '이라는', '이라며', '에서', '에게', '으로', '까지', '부터', '보다', '처럼',
  '이나', '이며', '에는', '에도', '라고', '라는', '라며', '하고', '와의', '과의', '들은', '들이', '들을', '들의',
  '은', '는', '이', '가', '을', '를', '의', '에', '로', '와', '과', '도', '만', '께', '들',
];

const HANGUL_WORD = /^[\uac00-\ud7a3]+$/;

/** Strips a common particle from a Korean word ("연구팀은" → "연구팀"), keeping 2+ syllables. */
export function stripKoreanParticle(word: string): string {
  for (const p of KO_PARTICLES) {
    if (word.length - p.length >= 2 && word.endsWith(p)) return word.slice(0, -p.length);
  }
  return word;
}

/** A light English stemmer: plural, -ing, -ed and possessive endings only. */
export function stemEnglish(word: string): string {
  let w = word;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && /(ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) return w.slice(0, -1);
  return w;
}

/** The content term of one lower-cased word, or null for a stopword or noise. */
function termOf(raw: string): string | null {
  const word = raw.includes('’') ? raw.replace(/’/g, "'") : raw;
  if (HANGUL_WORD.test(word)) {
    if (KO_STOPWORDS.has(word)) return null;
    const stem = stripKoreanParticle(word);
    return stem.length < 2 || KO_STOPWORDS.has(stem) ? null : stem;
  }
  // Mixed script ("HY5전사인자"): keep as is.
  if (/[\uac00-\ud7a3]/.test(word)) return word;
  if (word.length < 2 || EN_STOPWORDS.has(word) || /^\d$/.test(word)) return null;
  const stem = stemEnglish(word);
  return EN_STOPWORDS.has(stem) ? null : stem;
}

// Words repeat across sentences and articles; caching their terms halves tokenizing time.
const TERM_CACHE = new Map<string, string | null>();
const TERM_CACHE_MAX = 50_000;

/** Splits a sentence into lower-cased content terms (stopwords dropped, lightly stemmed). */
export function tokenizeTerms(sentence: string): string[] {
  const out: string[] = [];
  const words = sentence.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
  for (const raw of words) {
    let term = TERM_CACHE.get(raw);
    if (term === undefined) {
      term = termOf(raw);
      if (TERM_CACHE.size >= TERM_CACHE_MAX) TERM_CACHE.clear();
      TERM_CACHE.set(raw, term);
    }
    if (term !== null) out.push(term);
  }
  return out;
}
