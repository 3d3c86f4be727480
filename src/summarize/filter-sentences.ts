// Decides which sentences may become a bullet: no bylines, datelines, photo captions or credits,
// calls to action ("Read more", "Scroll down for video"), questions to the reader, fragments
// without a finite ending, and nothing far too short or far too long.

/** Why a sentence cannot be a bullet; null when it can. */
export type RejectReason = 'boilerplate' | 'question' | 'no-terminal' | 'too-short' | 'too-long' | 'fragment';

/** Length bounds of a bullet, in words (spaced scripts) or characters (Korean, and Chinese and Japanese with the Korean bounds). */
export interface LengthLimits {
  readonly minWords: number;
  readonly maxWords: number;
  readonly minKoreanChars: number;
  readonly maxKoreanChars: number;
}

/** Default length bounds: hard limits; the scorer prefers bullets well under them. */
export const DEFAULT_LIMITS: LengthLimits = { minWords: 6, maxWords: 35, minKoreanChars: 20, maxKoreanChars: 120 };

const BOILERPLATE: readonly RegExp[] = [
  // "By John Smith." / "By Jane Carter, Science Correspondent" / "by . daily mail reporter ."
  /^by\s+(\.\s+)?[\p{L}.'-]+(\s+[\p{L}.'-]+){0,3}\s*(and\s+[\p{L}.'-]+(\s+[\p{L}.'-]+){0,3}\s*)?(\.|$)/iu,
  /^by\s+[^,]{3,40},\s*[^,]{0,40}(reporter|correspondent|editor|writer|staff)s?\b/i,
  /\b(published|updated|last updated)\s*:\s*\d/i,
  /\bscroll down\b/i,
  /\bclick here\b/i,
  /\bread more\b/i,
  /\bsee also\b\s*:/i,
  /\b(share|follow us|subscribe|sign up)\b.*\b(facebook|twitter|newsletter|instagram)\b/i,
  /\b(photo|image|picture|video|graphic)s?\s*(credit|copyright)?\s*[:|]/i,
  /\bimage (copyright|caption)\b/i,
  /\b(getty images|reuters\/|ap photo|afp\/|©|\(c\)\s*\d{4})/i,
  /\ball rights reserved\b/i,
  /^(pictured|above|below|left|right|top|bottom|inset)\s*[:,]/i,
  /\b(copyright|ⓒ)\b/i,
  /(https?:\/\/|www\.)\S+\s*\.?$/i,
  /(?:^|\s)[^\s@]+@[^\s@]+\.[^\s@]/, // e-mail addresses: reporter lines (starts only at a word: linear time)
  // Korean: reporter lines, photo credits, copyright notices.
  /(기자|특파원|통신원)\s*[=:]?\s*$|[가-힣]{2,4}\s*(기자|특파원)\s*[=(]/,
  /(사진|자료|그래픽|영상)\s*[=:]|\/\s*사진|사진\s*제공|제공\s*[=:]/,
  /무단\s*전재|재배포\s*금지|저작권자/,
  /^[▲△▶▷■□●○◆◇※☞]/,
];

const HANGUL = /[\uac00-\ud7a3]/g;

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Number of word tokens, ignoring free-standing punctuation (PTB text). */
export function countWords(sentence: string): number {
  // A hand loop: this runs for every sentence of every article, and split+filter+regex per
  // token was a tenth of the summarizer's time.
  let n = 0;
  let inToken = false;
  let hasWordChar = false;
  for (let i = 0; i <= sentence.length; i++) {
    const c = i < sentence.length ? sentence.charCodeAt(i) : 32;
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) {
      if (inToken && hasWordChar) n++;
      inToken = false;
      hasWordChar = false;
    } else {
      inToken = true;
      if (!hasWordChar) {
        hasWordChar =
          (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && WORD_CHAR.test(sentence[i]!));
      }
    }
  }
  return n;
}

/** Number of Hangul syllables. */
export function countKorean(sentence: string): number {
  return sentence.match(HANGUL)?.length ?? 0;
}

/**
 * The script a sentence is mostly written in, by one count of its letters: Korean (Hangul), CJK
 * (Chinese characters and kana: Chinese, Japanese) or spaced (Latin and the rest). Korean and CJK
 * sentences are measured in characters; CJK words are not even spaced.
 */
export function sentenceScript(sentence: string): 'korean' | 'cjk' | 'spaced' {
  let ko = 0;
  let cjk = 0;
  let latin = 0;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence.charCodeAt(i);
    if (c >= 0xac00 && c <= 0xd7a3) ko++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xff66 && c <= 0xff9d)) cjk++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  if (ko > 0 && ko >= latin / 2) return 'korean';
  return cjk > 0 && cjk >= latin / 2 ? 'cjk' : 'spaced';
}

/** True when the sentence is mostly Korean. */
export function isKoreanSentence(sentence: string): boolean {
  return sentenceScript(sentence) === 'korean';
}

// Final punctuation, possibly inside closing quotes/brackets, possibly free-standing (PTB).
const TERMINAL = /[.!?。！？](\s*(''|["'\u2019\u201d)\]\u300d\u300f]))*$/;
// Korean sentences end in a finite verb form: 다/요/죠/까/니다…; "연구팀." is a caption.
const KOREAN_FINITE = /(다|요|죠|까|네|라|자|오|음|함|임|됨|지|니)\s*(["'\u2019\u201d)\]]\s*)*[.!?]?(["'\u2019\u201d)\]])*$/;

/** Returns why the sentence must not be a bullet, or null when it may be one. */
export function rejectSentence(sentence: string, limits: LengthLimits = DEFAULT_LIMITS): RejectReason | null {
  const s = sentence.trim();
  if (!TERMINAL.test(s)) return 'no-terminal';
  if (/[?？](\s*(''|["'\u2019\u201d)\]\u300d\u300f]))*$/.test(s)) return 'question';
  const script = sentenceScript(s);
  if (script !== 'spaced') {
    // Korean counts its syllables; Chinese and Japanese every character but spaces.
    if ((script === 'korean' ? countKorean(s) : s.replace(/\s+/g, '').length) < limits.minKoreanChars) return 'too-short';
    // The bullet limit is on what a reader sees: every character, spaces and digits included.
    if (s.length > limits.maxKoreanChars) return 'too-long';
    if (script === 'korean' && !KOREAN_FINITE.test(s)) return 'fragment';
    return isBoilerplate(s) ? 'boilerplate' : null;
  }
  const words = countWords(s);
  if (words < limits.minWords) return 'too-short';
  if (words > limits.maxWords) return 'too-long';
  // A cased sentence starting in lower case is a split or extraction fragment.
  if (/^[a-z]/.test(s) && /[A-Z]/.test(s)) return 'fragment';
  return isBoilerplate(s) ? 'boilerplate' : null;
}

// Checked last: the patterns are the costliest test and most sentences never reach them.
function isBoilerplate(s: string): boolean {
  for (const re of BOILERPLATE) if (re.test(s)) return true;
  return false;
}
