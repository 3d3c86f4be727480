// The rules an LLM's bullets must pass before Lede shows them: model output is untrusted (the
// article it read may have tried to steer it), so each bullet is checked for count, length,
// script, URLs, markdown, meta-talk and instruction echoes, and for being about the article.
// A failed rule rejects the whole answer; the caller then falls back to the offline summary.

/** Hard limits a bullet must meet (the prompt asks for less, to leave the model a margin). */
export const BULLET_LIMITS = Object.freeze({ maxWords: 35, maxCjkChars: 120, maxChars: 320, minWords: 3, minCjkChars: 8 });

/** A writing system a summary must be written in; 'japanese' is kana and kanji together. */
export type ExpectedScript = 'hangul' | 'japanese' | 'han' | 'latin' | 'cyrillic' | 'greek' | 'arabic' | 'hebrew' | 'thai' | 'devanagari';

const LANG_SCRIPT: Record<string, ExpectedScript> = { ko: 'hangul', ja: 'japanese', zh: 'han', el: 'greek', he: 'hebrew', yi: 'hebrew', th: 'thai' };
for (const l of ['ru', 'uk', 'bg', 'be', 'mk', 'kk', 'ky', 'mn']) LANG_SCRIPT[l] = 'cyrillic';
for (const l of ['ar', 'fa', 'ur', 'ps']) LANG_SCRIPT[l] = 'arabic';
for (const l of ['hi', 'mr', 'ne']) LANG_SCRIPT[l] = 'devanagari';
// prettier-ignore
for (const l of ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'no', 'nb', 'nn', 'fi', 'is', 'pl', 'cs', 'sk', 'sl', 'hr', 'bs', 'ro', 'hu', 'tr', 'id', 'ms', 'vi', 'ca', 'et', 'lv', 'lt', 'sq', 'eu', 'gl', 'af', 'sw', 'tl', 'ga', 'cy', 'mt'])
  LANG_SCRIPT[l] = 'latin';

type Counts = Record<'hangul' | 'kana' | 'han' | 'latin' | 'cyrillic' | 'greek' | 'arabic' | 'hebrew' | 'thai' | 'devanagari' | 'letters', number>;

const SCRIPT_TESTS: [keyof Counts, RegExp][] = [
  ['hangul', /\p{Script=Hangul}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['han', /\p{Script=Han}/u],
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['thai', /\p{Script=Thai}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
];

function countScripts(text: string): Counts {
  const c: Counts = { hangul: 0, kana: 0, han: 0, latin: 0, cyrillic: 0, greek: 0, arabic: 0, hebrew: 0, thai: 0, devanagari: 0, letters: 0 };
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    c.letters++;
    for (const [k, re] of SCRIPT_TESTS) if (re.test(ch)) c[k]++;
  }
  return c;
}

/** The script a text is mostly written in, or undefined when it has too few letters to tell. */
export function dominantScript(text: string): ExpectedScript | undefined {
  const c = countScripts(text.slice(0, 4000));
  if (c.letters < 20) return undefined;
  if (c.kana >= 0.1 * c.letters) return 'japanese';
  const ranked = (['hangul', 'han', 'latin', 'cyrillic', 'greek', 'arabic', 'hebrew', 'thai', 'devanagari'] as const)
    .map((k) => [k, c[k]] as const)
    .sort((a, b) => b[1] - a[1]);
  return ranked[0]![1] > 0 ? ranked[0]![0] : undefined;
}

/**
 * The script the summary must use. The article's own text wins over its language tag: pages
 * often carry a template's `lang="en"` over Korean copy.
 */
export function expectedScript(lang: string | undefined, articleText: string): ExpectedScript | undefined {
  return dominantScript(articleText) ?? (lang ? LANG_SCRIPT[lang.toLowerCase().split(/[-_]/)[0]!] : undefined);
}

/** True when a language tag's usual script is `script` (so the tag can name the language). */
export function langUsesScript(lang: string, script: ExpectedScript): boolean {
  return LANG_SCRIPT[lang.toLowerCase().split(/[-_]/)[0]!] === script;
}

const CJK = new Set<ExpectedScript>(['hangul', 'japanese', 'han']);

function inScript(c: Counts, script: ExpectedScript): boolean {
  if (c.letters === 0) return false;
  switch (script) {
    // Korean copy mixes in Latin acronyms and brand names (SK하이닉스, HBM3E); a third is plenty.
    case 'hangul':
      return c.hangul >= 0.3 * c.letters;
    case 'japanese':
      return c.kana + c.han >= 0.5 * c.letters && c.hangul === 0;
    case 'han':
      return c.han >= 0.5 * c.letters && c.kana === 0 && c.hangul === 0;
    default:
      return c[script] >= 0.5 * c.letters;
  }
}

const URL_RE = /\bhttps?:\/\/|\bwww\.[\p{L}\p{N}-]|\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}\/\S|\[[^\]]*\]\(/iu;
const MARKDOWN_RE = /\*\*|__|`|^#{1,6}\s|^>\s|<\/?[a-z][^>]*>/i;
const LIST_MARKER_RE = /^(?:[-*•·–—]|\d{1,2}[.)])\s+/u;

// Meta-talk and instruction echoes, in the languages Lede serves most. Kept narrow so real news
// ("hospitals ignored the ministry's instructions", "정부 지침을 무시") still passes.
const META_RES: RegExp[] = [
  /\b(ignore|disregard|forget|override)\s+(all\s+|any\s+)?(of\s+)?(the\s+|your\s+|my\s+)?(previous|prior|above|earlier|preceding|original|system)\s+(instructions?|prompts?|rules|directions|messages?)/i,
  /\b(ignore|disregard|forget)\s+(all|your|any)\s+(instructions?|rules|prompts?)\b/i,
  /\b(previous|prior|above) instructions\b/i,
  /\bsystem (prompt|message|instructions?)\b/i,
  /\bprompt injection\b/i,
  /\bas an? (ai|a\.i\.|artificial intelligence|(large )?language model|llm|assistant|chatbot)\b/i,
  /\b(i am|i'm) (an? )?(ai|(large )?language model|assistant|chatbot)\b/i,
  /^(here is|here are|here's|sure|certainly|of course|okay|ok|below (is|are))\b/i,
  /^(summary|bullets?|bullet points?|tl;?dr|key points?|article)\s*[:：]/i,
  /^(i|we) (cannot|can't|can not|won't|am unable|are unable|apologi[sz]e)\b/i,
  /^(sorry|unfortunately),? (i|we)\b/i,
  /(이전|앞의|위의|앞선|모든)\s*(지시|지침|명령|프롬프트)\S*\s*무시/,
  /시스템\s*(프롬프트|메시지)/,
  /(AI|인공지능|언어\s*모델|어시스턴트|챗봇)(로서|으로서)/,
  /^(다음은|아래는|요약\s*[:：]|요약하면)/,
  /(以前|前|上記|これまで)の(指示|命令|プロンプト)を?無視/,
  /システムプロンプト/,
  /AIとして|言語モデルとして/,
  /^(以下は|要約\s*[:：])/,
  /(忽略|无视|忽視|無視)(之前|以上|先前|上面|所有)的?(指令|指示|提示)/,
  /系统提示|系統提示/,
  /作为(一个)?(AI|人工智能|语言模型)|作為(一個)?(AI|人工智慧|語言模型)/,
  /^(以下是|摘要\s*[:：])/,
];

// prettier-ignore
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'gov', 'gen', 'sen', 'rep', 'col', 'lt', 'sgt', 'capt', 'adm', 'rev', 'hon', 'no', 'vs', 'etc', 'approx', 'dept', 'univ', 'est', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'ave', 'fig', 'vol']);

/** True when a bullet holds more than one sentence. */
export function hasSeveralSentences(bullet: string): boolean {
  if (/[。！？](?![」』）”"'\s]*$)/u.test(bullet)) return true;
  // Korean: a sentence ending (…다. …요.) followed by more text.
  if (/\p{Script=Hangul}[.!?]\s+\S/u.test(bullet)) return true;
  for (const m of bullet.matchAll(/([\p{L}\p{N}.'’]+)[.!?]["'”’)\]]*\s+["'“‘(]?\p{Lu}/gu)) {
    const word = m[1]!.toLowerCase();
    // Initials (J. Smith), dotted acronyms (U.S.) and abbreviations (Dr., Inc.) do not end a sentence.
    if (word.length === 1 || word.includes('.') || ABBREVIATIONS.has(word)) continue;
    return true;
  }
  return false;
}

/** Content tokens of a text: words of 3+ letters and numbers, plus bigrams inside CJK runs. */
function contentTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0];
    if (/[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(w)) {
      const chars = [...w];
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
      if (chars.length === 1) out.push(w);
    } else if (w.length >= 3 || /^\p{N}+$/u.test(w)) out.push(w);
  }
  return out;
}

const comparable = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** What checkBullets needs to know about the request. */
export interface BulletContext {
  readonly count: number;
  readonly script: ExpectedScript | undefined;
  /** Title and text as sent to the model (after truncation). */
  readonly article: string;
  /** The system prompt, so a bullet that copies the rules is caught. */
  readonly rules: string;
}

/** Normalizes the model's bullets and checks every rule; returns them or the first broken rule. */
export function checkBullets(raw: readonly string[], ctx: BulletContext): { ok: true; bullets: string[] } | { ok: false; reason: string } {
  const bullets = raw.map((b) => b.normalize('NFC').replace(/\s+/g, ' ').trim().replace(LIST_MARKER_RE, ''));
  if (bullets.length !== ctx.count) return { ok: false, reason: `expected ${ctx.count} bullets, got ${bullets.length}` };
  const articleTokens = new Set(contentTokens(ctx.article));
  const rules = comparable(ctx.rules);
  const seen = new Set<string>();
  for (const [i, b] of bullets.entries()) {
    const bad = (why: string) => ({ ok: false as const, reason: `bullet ${i + 1} ${why}: ${b.slice(0, 80)}` });
    if (!b) return bad('is empty');
    const cjk = ctx.script !== undefined ? CJK.has(ctx.script) : /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}]/u.test(b);
    const words = b.split(' ').length;
    const chars = [...b].length;
    if (cjk ? chars < BULLET_LIMITS.minCjkChars : words < BULLET_LIMITS.minWords) return bad('is too short');
    if (chars > BULLET_LIMITS.maxChars || (cjk ? chars > BULLET_LIMITS.maxCjkChars : words > BULLET_LIMITS.maxWords)) return bad('is too long');
    if (URL_RE.test(b)) return bad('contains a URL or link');
    if (MARKDOWN_RE.test(b)) return bad('contains markup');
    if (META_RES.some((re) => re.test(b))) return bad('talks about instructions or itself');
    const key = comparable(b);
    if (key.length >= 12 && rules.includes(key)) return bad('repeats the instructions');
    if (seen.has(key)) return bad('repeats another bullet');
    seen.add(key);
    if (hasSeveralSentences(b)) return bad('has more than one sentence');
    if (ctx.script && !inScript(countScripts(b), ctx.script)) return bad(`is not in the article's script (${ctx.script})`);
    // Grounding: a summary restates the article, so most of its names, numbers and words come
    // from it. Text with little overlap was steered elsewhere (or invented).
    const tokens = contentTokens(b);
    if (tokens.length >= 3 && tokens.filter((t) => articleTokens.has(t)).length < 0.25 * tokens.length) {
      return bad('is not about the article');
    }
  }
  // Chinese written for a Japanese article passes the per-bullet share; Japanese prose has kana.
  if (ctx.script === 'japanese' && countScripts(bullets.join('')).kana === 0) return { ok: false, reason: 'bullets have no kana (not Japanese)' };
  return { ok: true, bullets };
}
