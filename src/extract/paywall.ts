// Teasers and paywalls: a page that holds only the start of its article and says so. The article
// is then `partial`, and the reader links to the rest at the publisher instead of pretending.
// A page says so in one of three ways:
//  - it declares paywalled parts, as publishers do for search engines (schema.org `hasPart` with
//    `isAccessibleForFree: false` and a `cssSelector`), and those parts are missing or empty (a
//    page that serves them in full is whole; a declaration without a selector says nothing either
//    way, as the same markup goes on pages served whole to search engines);
//  - its paywall box (an element named "paywall", "subscriber-only", …) asks the reader to
//    subscribe or sign in to read on;
//  - the body ends with such a prompt ("Subscribe to continue reading", "유료 회원 전용 기사입니다").
// A long body is whole whatever the page says (the whole text was served, say to search engines),
// so only a short one is partial.
import { descendants, type WalkEl } from './dom-walk.ts';
import { alternation, matchesAny } from './regex-set.ts';
import { SPACE_RUNS } from './loose-key.ts';

/** Bodies at least this long are whole whatever the page says. */
export const PARTIAL_MAX_CHARS = 4000;
/** Prompts are short lines; article prose that mentions subscribers is not one. */
const MAX_PROMPT_CHARS = 300;

/** class/id tokens of a paywall or registration wall. */
export const PAYWALL_TOKEN = /(?:^|[-_\s])(?:paywall|paywalled|pay-wall|subscriber-?only|subscribers-?only|premium-?wall|meter-?wall|metered-?wall|regwall|reg-?wall|registration-?wall|(?:subscribe|subscription|registration|register)[-_]?overlay|article-?locked|locked-?content|content-?locked|abo-?teaser|plus-?teaser)(?:$|[-_\s])/i;

const PROMPTS: readonly RegExp[] = [
  // English: "Subscribe to continue reading", "Log in to read the full story", "To view the full story, please subscribe".
  /\b(?:subscribe|sign in|sign up|log in|login|register|become a (?:member|subscriber)|join)\b.{0,60}?\bto (?:continue|keep|finish|read|view|unlock|access|get)\b.{0,40}?\b(?:reading|story|article|the rest|full|this)\b/i,
  /\b(?:to (?:continue|keep) reading|to read (?:the )?(?:full|whole|rest of|entire)|to view the (?:full|whole|entire) (?:story|article)|for the (?:full|whole|complete) (?:story|article))\b.{0,80}?\b(?:subscri|sign in|log in|login|member|register)/i,
  /\bthis (?:article|story|content|post|piece) is (?:only |exclusively )?(?:available|reserved|for|open)\b.{0,30}?\b(?:subscribers|members|premium)\b/i,
  // "Already a subscriber? Log in" in English, German, Spanish, French, Portuguese; a spent meter.
  /(?:\balready a (?:subscriber|member)|\b(?:bereits|schon) (?:abonnent(?:in)?|abonniert|plus-?(?:kunde|abonnent))|¿ya eres (?:suscriptor|socio)|\bdéjà abonnée?|\bjá é assinante)\s*\?/i,
  /\balready a (?:subscriber|member)\b.{0,40}\b(?:log|sign) in\b/i,
  /\b(?:subscribe|sign in|log in|register)\b.{0,60}?\bfor the (?:full|whole|complete|rest of the) (?:story|article)\b/i,
  // A spent meter ("You've reached your free article limit", "You have now reached your allowance of 3 free articles").
  /\byou(?:'ve| have)(?: now)? (?:reached|used(?: up)?) (?:your|all your|the) (?:free )?(?:(?:article|story|monthly) )?(?:limit|allowance)|\bhas alcanzado el límite de (?:noticias|artículos)/i,
  // German: "Weiterlesen mit Plus", "Dieser Artikel ist nur für Abonnenten".
  /\b(?:weiterlesen|lesen sie weiter|(?:den|diesen) (?:ganzen|vollständigen|kompletten|gesamten) (?:artikel|beitrag|text) lesen)\b.{0,60}?\b(?:abo|abonnement|abonnent|plus|premium|registrier|anmeld)/i,
  /\b(?:dieser|der) (?:artikel|beitrag|inhalt|text) ist (?:nur |exklusiv )?(?:für|abonnenten|plus)\b.{0,40}?\b(?:abonnent|abonnentinnen|plus|premium|registrierte|vorbehalten)/i,
  // French, Spanish, Portuguese, Italian.
  /\bil vous reste \d+\s?% de cet article à lire\b|\b(?:la suite|le reste) (?:de cet article )?est réservée? aux abonnés\b|\barticle réservé aux abonnés\b/i,
  /\b(?:para (?:seguir|continuar) leyendo|contenido (?:exclusivo )?para (?:suscriptores|socios|abonados))\b/i,
  /\b(?:para continuar lendo|conteúdo exclusivo para assinantes|matéria exclusiva para assinantes)\b/i,
  /\b(?:per continuare a leggere|contenuto riservato agli abbonati|articolo riservato agli abbonati)\b/i,
  // Korean and Japanese.
  // "전체 기사를 보시려면 로그인이 필요합니다", "기사 전문을 읽으려면 구독하세요": the rest of the story, then what it takes.
  /(?:전문|전체|나머지|이어지는)\s*(?:기사|내용)?\s*[을를은는]?\s*(?:보시려면|보려면|읽으시려면|읽으려면|확인하시려면|확인하려면|이용하시려면|열람하시려면|열람하려면)\s*.{0,20}?(?:로그인|구독|회원\s*가입|결제)/,
  // "구독 후 이용해 주세요", "로그인하신 후 열람하실 수 있습니다": addressed to the reader, which a story's sentence about a service is not ("가입 후 이용할 수 있다").
  /(?:로그인|구독|회원\s*가입|결제)\s*(?:후|하시고|하신\s*후)\s*(?:이용해\s*주(?:세요|십시오)|이용하세요|이용하실\s*수\s*있습니다|열람(?:하실\s*수\s*있습니다|해\s*주(?:세요|십시오)))/,
  /유료\s*(?:회원|구독자?|가입자)\s*전용|구독자\s*전용|프리미엄\s*(?:회원\s*)?전용|(?:로그인|구독|회원\s*가입)\s*(?:후|하시면|하고|하면)\s*(?:기사\s*)?(?:전문|전체|나머지|계속|이어)/,
  /有料会員限定|会員限定(?:記事|です|の記事)|続きを読むには|この記事の続きは|残り\d+文字/,
];

const PROMPTS_ANY = alternation(PROMPTS);

/** True when a short line asks the reader to subscribe or sign in to read the rest. */
export function isPaywallPrompt(text: string): boolean {
  const t = text.replace(SPACE_RUNS, ' ').trim();
  return t !== '' && t.length <= MAX_PROMPT_CHARS && matchesAny(PROMPTS_ANY, t);
}

/** Elements of a box read for a prompt, at most. */
const MAX_BOX_ELEMENTS = 200;

/** Minimal element shape used here (the extract DOM's element, dom/dom-node.ts). */
interface BoxEl extends WalkEl {
  readonly textContent: string | null;
}

/** True when `box` (named as a paywall) or one of its first elements reads as a prompt. */
export function holdsPaywallPrompt(box: BoxEl): boolean {
  if (isPaywallPrompt(box.textContent ?? '')) return true;
  let seen = 0;
  for (const el of descendants(box)) {
    if (++seen > MAX_BOX_ELEMENTS) return false;
    const text = el.textContent ?? '';
    if (text.length <= MAX_PROMPT_CHARS * 2 && isPaywallPrompt(text)) return true;
  }
  return false;
}

/** What tells whether a page holds only the start of its article. */
export interface AccessEvidence {
  /** Extracted plain text of the body. */
  readonly text: string;
  /** The page declares paywalled parts and did not serve them (paywalledPartsMissing). */
  readonly declaredCut: boolean;
  /** The page's paywall box or the end of its body asks the reader to subscribe or sign in to read on. */
  readonly prompted: boolean;
}

/** True when the body is cut short and the page says so. */
export function isPartial(e: AccessEvidence): boolean {
  return (e.declaredCut || e.prompted) && e.text.length < PARTIAL_MAX_CHARS;
}

/** Text a served part holds at least. */
const SERVED_PART_CHARS = 200;

/** Minimal document shape used here. */
interface PartsDocument {
  querySelectorAll(selector: string): ArrayLike<{ readonly textContent: string | null }>;
}

/** True when the page declares paywalled parts and holds none of them with text (call before furniture is removed). */
export function paywalledPartsMissing(doc: PartsDocument, selectors: readonly string[]): boolean {
  if (selectors.length === 0) return false;
  for (const sel of selectors) {
    let parts: ArrayLike<{ readonly textContent: string | null }>;
    try {
      parts = doc.querySelectorAll(sel);
    } catch {
      return false; // A selector we cannot read proves nothing.
    }
    for (let i = 0; i < parts.length; i++) if ((parts[i]!.textContent ?? '').replace(/\s+/g, '').length >= SERVED_PART_CHARS) return false;
  }
  return true;
}
