// Removes page furniture before Readability scores the page: navigation, share bars, ads,
// related / most-read lists, comments, polls, newsletter boxes, footers, dialogs. Decided by
// general signals only (tag, role, aria, class/id tokens, hidden state), never by site.
import { descendantList, hasVisibleText, linkedNonSpaceChars, nonSpaceChars, nonSpaceCharsOfAll, type TextWalkNode, type WalkEl } from './dom-walk.ts';
import { holdsPaywallPrompt, PAYWALL_TOKEN } from './paywall.ts';
import { SPACE_RUNS } from './loose-key.ts';

/** Tags that are never article text. */
const JUNK_TAGS = ['nav', 'aside', 'form', 'button', 'select', 'input', 'textarea', 'dialog', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'map', 'link', 'meta'];
const JUNK_ROLES = /^(?:navigation|banner|contentinfo|complementary|search|dialog|alertdialog|menu|menubar|toolbar|tablist)$/i;

/** class/id tokens of page furniture (matched as whole tokens between -, _ or spaces). */
const JUNK_TOKEN = new RegExp(
  String.raw`(?:^|[-_\s])(?:share|sharing|shares|sharebar|social|sns|ads?|advert|adverts|advertisement|adsense|adslot|ad-?slot|dfp|gpt|banner|sponsor|sponsored|promo|promotion|related|similar|similar-?(?:links?|posts?|articles?|stories|items?|news|content)|recommend|recommended|recommendation|most-?read|mostread|most-?viewed|popular|ranking|comments?|commentary-box|reply|replies|poll|survey|newsletter|subscribe|subscription|signup|sign-up|paywall|breadcrumbs?|tags|tag-?list|keywords|tooltip|modal|popup|cookie|consent|gdpr|print|toolbar|outbrain|taboola|rss|widget|sidebar|side-?bar|masthead|gnb|lnb|snb|topnav|skip|skip-?link|jump|font-?size|fontsize|reaction|reactions|emoticon|recirc|trending|more-?stories|read-?more|next-?article|prev-?article|series-?nav|author-?bio|bio-?box|author-?box|author-?info|author-?description|about-?(?:the-?)?author|donate|membership|app-?download|header-?wrap|site-?header|site-?footer|footer|copyright|login|sitemap)(?:$|[-_\s\d])`,
  'i',
);
/** Class words of a story's body. */
const STORY_BODY_WORDS = String.raw`article-?body|articlebody|story-?body|entry-?content|post-?content|article-?content|main-?content`;
/** Class tokens of a story's body. */
const STORY_BODY_TOKEN = new RegExp(String.raw`(?:^|[-_\s])(?:${STORY_BODY_WORDS})(?:$|[-_\s])`, 'i');
/** Classes that look like junk but name article parts ("article-header", "comment" inside "commentary", a quoted post in "social-media-embed"). */
const KEEP_TOKEN = new RegExp(String.raw`(?:^|[-_\s])(?:${STORY_BODY_WORDS}|(?:article|story)-?header|caption|figcaption|photo|image|img|embed|embedded|twitter-tweet|instagram-media)(?:$|[-_\s])`, 'i');

/**
 * Class tokens that say what a block contains or how it prints, not what it is: "has-ad",
 * "o-section--has-ad", "has-sidebar", "no-print", "hidden-print", "print-full". Taken out before
 * the names are judged.
 */
const MODIFIER_TOKEN = /(^|[\s_]|-)-?has-[\w-]*|(^|[\s_-])(?:no|hidden|visible|hide|show|d)-print(?=$|[\s_-])|(^|[\s_-])print-(?:only|hidden|hide|full|none|block|show)(?=$|[\s_-])/gi;

/**
 * Class names of posts embedded in a story (a quoted tweet or Instagram post): the platforms' own
 * blockquote classes, or an embed named for a social platform. "Embed" alone names galleries,
 * teasers of other articles, video players and consent placeholders as well.
 */
const EMBED_TOKEN = /(?:^|[-_\s])(?:twitter-tweet|instagram-media|tiktok-embed)(?:$|[-_\s])/i;
const SOCIAL_EMBED = /^(?=.*(?:^|[-_\s])(?:embed|embedded)(?:$|[-_\s]))(?=.*(?:twitter|tweet|instagram|facebook|tiktok|bluesky|mastodon|threads|social)).*$/i;

const INLINE = new Set(['a', 'span', 'b', 'i', 'em', 'strong', 'font', 'small', 'sub', 'sup', 'abbr', 'code', 'u', 'mark', 'time', 'q', 'cite', 's', 'img', 'br']);

/** Attributes that make an element worth judging by name, role or hidden state. */
const NAME_ATTRS = ['class', 'id', 'role', 'hidden', 'aria-hidden', 'style'];

/** Minimal element shape used here (the extract DOM's element, dom/dom-node.ts). */
interface JunkEl extends WalkEl {
  tagName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  hasAttributes(): boolean;
  remove(): void;
  contains(other: JunkEl): boolean;
  readonly isConnected: boolean;
  textContent: string | null;
  querySelectorAll(sel: string): ArrayLike<JunkEl>;
}
/** Minimal document shape used here. */
export interface JunkDocument {
  body: JunkEl | null;
  querySelectorAll(sel: string): ArrayLike<JunkEl>;
}

/** True when an element's attributes mark it as page furniture. */
export function looksLikeJunk(el: JunkEl): boolean {
  // Every test below reads an attribute: most elements of a page have none.
  if (!el.hasAttributes()) return false;
  const role = el.getAttribute('role');
  if (role && JUNK_ROLES.test(role)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.trim();
  if (names === '' || names.length > 300) return false;
  const own = names.replace(MODIFIER_TOKEN, '$1$2$3');
  return JUNK_TOKEN.test(own) && !KEEP_TOKEN.test(names);
}

/** Class tokens of hover cards and tooltips that pages nest inside a sentence, next to the link that opens them. */
const CARD_TOKEN = /(?:^|[-_\s])(?:tooltip|popover|hover-?card|rollover|flyout)(?:$|[-_\s])/i;

/** True for the innermost inline element classed as a hover card that holds a picture or several links (the card, not the link that opens it). */
function isInlineCard(el: JunkEl): boolean {
  const cls = el.getAttribute('class');
  if (!cls || !CARD_TOKEN.test(cls)) return false;
  const inner = Array.from(el.querySelectorAll('[class]'));
  if (inner.some((e) => CARD_TOKEN.test(e.getAttribute('class') ?? '') && (e.querySelectorAll('img').length > 0 || e.querySelectorAll('a').length >= 2))) return false;
  return el.querySelectorAll('img').length > 0 || el.querySelectorAll('a').length >= 2;
}

/** True when an element is hidden by attribute or inline style. */
function isHidden(el: JunkEl): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return !!style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Names of furniture that stays furniture however much prose it holds (reader comments, footers, consent text). */
const PROSE_JUNK = /comment|reply|replies|footer|cookie|consent|gdpr|newsletter|disqus/i;

/** Share of the non-space text of `el` that sits in links (1 for an element without text). */
function linkShare(el: JunkEl): number {
  const text = nonSpaceChars(el as unknown as TextWalkNode);
  return text === 0 ? 1 : linkedNonSpaceChars(el) / text;
}

/**
 * True for a block of article prose whatever its class ("TestReport__Section--Ads", "paywall",
 * "related-story body", a product <form>): paragraph text of 400+ characters and few links.
 */
function holdsProse(el: JunkEl): boolean {
  if (PROSE_JUNK.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) return false;
  let prose = 0;
  for (const p of Array.from(el.querySelectorAll('p'))) prose += (p.textContent ?? '').replace(SPACE_RUNS, ' ').trim().length;
  return prose >= 400 && linkShare(el) < 0.2;
}

/**
 * The class/id words for which Readability drops an element before scoring ("unlikely
 * candidates"), and the words that spare it (its REGEXPS.unlikelyCandidates and
 * okMaybeItsACandidate).
 */
const READABILITY_UNLIKELY = /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const READABILITY_SPARED = /and|article|body|column|content|main|shadow/i;

/** True when `el` holds the story's body: an <article>, articleBody microdata or a story-body class. */
function holdsStoryBody(el: JunkEl): boolean {
  if (el.querySelectorAll('article, [itemprop="articleBody"]').length > 0) return true;
  return Array.from(el.querySelectorAll('[class]')).some((e) => STORY_BODY_TOKEN.test(e.getAttribute('class') ?? ''));
}

/**
 * Takes the names off wrappers that hold most of the page's text and the story's body but whose
 * names Readability reads as furniture ("above-footer" around a whole story): Readability would
 * drop the story with them and score what is left (an advertiser disclosure). A big list of
 * teasers ("legends") holds no story body and keeps its name.
 */
function shieldWrappers(named: readonly JunkEl[], body: JunkEl, size: (el: JunkEl) => number, sizeBefore?: ReadonlyMap<JunkEl, number>): void {
  let total: number | undefined; // the page's size, read once and only when a wrapper is named so
  for (const el of named) {
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!READABILITY_UNLIKELY.test(names) || READABILITY_SPARED.test(names)) continue;
    total ??= size(body);
    // Its size before furniture was removed bounds its size now: too small then, too small now.
    const before = sizeBefore?.get(el);
    if (before !== undefined && (before <= 0.4 * total || before <= 500)) continue;
    if (!el.isConnected) continue;
    const own = size(el);
    if (own > 0.4 * total && own > 500 && holdsStoryBody(el)) {
      const named = el as unknown as { removeAttribute(n: string): void };
      named.removeAttribute('class');
      named.removeAttribute('id');
    }
  }
}

/** A paragraph this long with few links is text whatever its class ("js_readmore" on a collapsed description). */
const PROSE_PARAGRAPH_CHARS = 150;

/** True for a <p> of prose: long enough, few links, not hidden. */
function isProseParagraph(el: JunkEl): boolean {
  if (isHidden(el) || el.getAttribute('role') !== null) return false;
  return nonSpaceChars(el as unknown as TextWalkNode) >= PROSE_PARAGRAPH_CHARS && linkShare(el) < 0.3;
}

/** Most text (non-space characters) a sign-up form's box holds besides the form: its heading and a line. */
const MAX_SIGNUP_BOX_CHARS = 160;

/** Words of a sign-up ("Subscribe", "Sign up", "Get updates", "Newsletter", "구독"). */
const SIGNUP_WORDS = /newsletter|subscri|sign[\s-]?up|updates|abonn|anmeld|inscri|suscr|구독|뉴스레터/i;

/** True for a newsletter's or an alert's sign-up form: it asks for an email address and says what for (in its box or its action); not a contact form. */
function isSignUpForm(form: JunkEl): boolean {
  const email = Array.from(form.querySelectorAll('input')).some((i) => i.getAttribute('type') === 'email' || /e-?mail/i.test(`${i.getAttribute('name') ?? ''} ${i.getAttribute('placeholder') ?? ''} ${i.getAttribute('id') ?? ''}`));
  return email && SIGNUP_WORDS.test(`${form.getAttribute('action') ?? ''} ${form.parentElement ? (form.parentElement as JunkEl).textContent ?? '' : ''}`);
}

/** What removeJunk saw on its way. */
export interface JunkReport {
  /** A paywall box of the page asks the reader to subscribe or sign in to read on (paywall.ts). */
  readonly paywallPrompt: boolean;
}

/** Removes page furniture from `doc` in place (the caller owns the document); `byName: false` removes furniture tags only, not class/id/role matches. Elements holding most of the page's text are kept, so a junk-named wrapper cannot take the article with it. */
export function removeJunk(doc: JunkDocument, opts: { byName?: boolean } = {}): JunkReport {
  const body = doc.body;
  if (!body) return { paywallPrompt: false };
  const size = (el: JunkEl) => nonSpaceChars(el as unknown as TextWalkNode);
  // A <form> or furniture name wrapping most of the page is a layout wrapper (ASP.NET pages put the
  // whole body in one <form>; some sites name the story's wrapper "page-with-sidebar"), not furniture.
  // Semantic furniture (<nav>, <aside>) goes whatever its size: mega-menus can hold half the text.
  const wrapsPage = (own: number, total: number) => own > 0.4 * total && own > 500;
  // One walk collects the furniture tags and the elements with attributes worth judging; tags are
  // then removed one tag after another. An element inside one removed earlier is no longer in the
  // body, so judging or removing it changes nothing there (and asking contains() for each costs
  // O(depth), quadratic on pages that nest thousands of unclosed tags).
  const byTag = new Map<string, JunkEl[]>(JUNK_TAGS.map((t) => [t, []]));
  const named: JunkEl[] = [];
  for (const el of descendantList(body)) {
    byTag.get(el.tagName.toLowerCase())?.push(el);
    if (el.hasAttributes() && NAME_ATTRS.some((a) => el.hasAttribute(a))) named.push(el);
  }
  // Read before anything is removed: the box goes with the furniture.
  const paywallPrompt = named.some((el) => PAYWALL_TOKEN.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`) && holdsPaywallPrompt(el));
  // The page's size before removals matters only to a <form> (few pages have one).
  const before = byTag.get('form')!.length > 0 ? size(body) : 0;
  for (const tag of JUNK_TAGS) {
    for (const el of byTag.get(tag)!) {
      if (tag === 'form' && (wrapsPage(size(el), before) || holdsProse(el))) continue;
      // A sign-up form's box goes with it: what it leaves is the box's call ("Get updates in your inbox").
      const box = tag === 'form' && isSignUpForm(el) ? el.parentElement as JunkEl | null : null;
      el.remove();
      if (box && box !== body && !/^(?:BODY|MAIN|ARTICLE)$/.test(box.tagName) && size(box) <= MAX_SIGNUP_BOX_CHARS) box.remove();
    }
  }
  if (opts.byName === false) {
    shieldWrappers(named, body, size);
    return { paywallPrompt };
  }
  // Every element's size from one walk: elements are judged in document order, so none has lost a
  // descendant when its turn comes, and the counts hold (a walk per element was quadratic in nesting).
  const sizes = nonSpaceCharsOfAll(body as unknown as JunkEl & TextWalkNode);
  const total = sizes.get(body as unknown as JunkEl & TextWalkNode) ?? 0;
  // The last element removed: the named elements right after it in document order that lie inside
  // it went with it, and are not judged (judging them changes nothing and costs their prose reads).
  let removed: JunkEl | undefined;
  for (const el of named) {
    if (removed) {
      if (removed.contains(el)) continue;
      removed = undefined;
    }
    const tag = el.tagName.toLowerCase();
    if (tag === 'body' || tag === 'html' || tag === 'main' || tag === 'article' || tag === 'h1') continue;
    // Inline elements inside sentences ("<a class=popup>rather elderly</a>") are text, whatever their
    // class; but a hover card set inside a sentence (a person's photo and their latest stories) is not.
    if (INLINE.has(tag) && !el.hasAttribute('hidden') && el.getAttribute('aria-hidden') !== 'true') {
      if (isInlineCard(el)) {
        el.remove();
        removed = el;
      }
      continue;
    }
    if (!looksLikeJunk(el)) continue;
    if (wrapsPage(sizes.get(el as unknown as JunkEl & TextWalkNode) ?? 0, total)) continue;
    if (tag === 'p' && isProseParagraph(el)) continue;
    if (el.getAttribute('role') === null && !isHidden(el) && holdsProse(el)) continue;
    el.remove();
    removed = el;
  }
  shieldWrappers(named, body, size, sizes);
  // Quoted posts embedded in the story ("social-media-embed", "twitter-tweet") are text the story
  // quotes; their wrappers' names would make Readability drop them as social widgets.
  for (const el of named) {
    const cls = el.getAttribute('class');
    if (cls && (EMBED_TOKEN.test(cls) || SOCIAL_EMBED.test(cls)) && hasVisibleText(el as unknown as TextWalkNode)) (el as unknown as { setAttribute(n: string, v: string): void }).setAttribute('class', 'embedded-post');
  }
  return { paywallPrompt };
}
