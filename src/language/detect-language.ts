// Language detection for article text. tinyld alone confuses short CJK snippets (Korean text
// with Han characters, Japanese without kana), so a script count decides CJK first. tinyld
// builds its model when loaded (about half a second of CPU), so it is loaded on first use: most
// processes (`lede web`, a poll that finds nothing new) never need it.
import { createRequire } from 'node:module';

let detect: ((text: string) => string) | undefined;
const tinyld = () => (detect ??= (createRequire(import.meta.url)('tinyld') as typeof import('tinyld')).detect);

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/gu;
const KANA = /[\u3040-\u30ff\u31f0-\u31ff]/gu;
const HAN = /[\u4e00-\u9fff\u3400-\u4dbf]/gu;
const LETTER = /\p{L}/gu;

/** Counts the matches of a global regex in `text`. */
function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/** The language `text`'s script tells ('ko', 'ja', 'zh'), 'other' for text in none of theirs, undefined for too little text. */
function scriptLanguage(sample: string): 'ko' | 'ja' | 'zh' | 'other' | undefined {
  const letters = count(sample, LETTER);
  const hangul = count(sample, HANGUL);
  const kana = count(sample, KANA);
  const han = count(sample, HAN);
  // A CJK character carries about as much as a short word, so fewer of them are enough.
  if (letters < 12 && hangul + kana + han < 4) return undefined;
  // Korean prose is mostly Hangul even when it cites Han characters; Japanese always has kana.
  if (hangul / letters > 0.3 || (hangul >= 2 && hangul >= kana)) return 'ko';
  if (kana / letters > 0.05 || (kana > 0 && kana * 4 >= han)) return 'ja';
  if (han / letters > 0.3) return 'zh';
  return 'other';
}

const sampleOf = (text: string) => (text.length > 4000 ? text.slice(0, 4000) : text);

/** Detects the BCP 47 language of `text` ("en", "ko", "ja", …), or undefined when unsure. */
export function detectLanguage(text: string): string | undefined {
  const sample = sampleOf(text);
  const script = scriptLanguage(sample);
  if (script !== 'other') return script;
  const lang = tinyld()(sample);
  return lang === '' ? undefined : lang;
}

/**
 * The language of an article: what its page declares, unless the text is written in another
 * script (a Korean story on a template that says lang="en", a Latin-script story on a page that
 * says "ko"); without a declaration, or against one, the language detected from the text.
 */
export function articleLanguage(declared: string | undefined, text: string): string | undefined {
  if (!declared) return detectLanguage(text);
  const primary = declared.toLowerCase().split(/[-_]/)[0]!;
  const script = scriptLanguage(sampleOf(text));
  const hanScript = primary === 'ja' || primary === 'zh';
  // Hangul is Korean and kana Japanese whatever the page says; Han alone is Chinese or
  // kanji-heavy Japanese, and a page declaring either is believed.
  if (script === 'ko' && primary !== 'ko') return 'ko';
  if (script === 'ja' && primary !== 'ja') return 'ja';
  if (script === 'zh' && !hanScript) return 'zh';
  if (script === 'other' && (hanScript || primary === 'ko')) return detectLanguage(text) ?? declared;
  return declared;
}

