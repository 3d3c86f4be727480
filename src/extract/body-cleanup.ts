// Rewrites Readability's body in place: deck lines and reporter lines leave the body (they live
// in their own fields), photo-credit lines join their photo, boilerplate lines (copyright,
// "무단전재 및 재배포 금지", newsletter prompts) and empty shells are dropped.
import type { Author } from '../core/records.ts';
import { isDateLine } from './date-line.ts';
import { descendants, hasVisibleText } from './dom-walk.ts';
import { isPaywallPrompt } from './paywall.ts';
import { isCreditOnly, splitCredit } from './photo-credit.ts';
import { parseReporterLine, parseTrailingReporter } from './reporter-line.ts';
import { looseKey } from './loose-key.ts';

/** Copyright notices and disclosures, which run longer than other furniture: read up to LEGAL_MAX_CHARS. */
const LEGAL = [
  /all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati|wszelkie prawa zastrzeżone|無断転載|版权所有/i,
  /\bcopyrighted (?:property|material) of\b|\b(?:written permission|prior permission) (?:must be obtained|is required)\b|\b(?:may not|must not) be (?:re)?(?:published|produced|printed|distributed)\b.{0,60}\bwithout\b/i,
  /^(?:this (?:post|article|page|story) (?:may )?contains? (?:affiliate|references to products)|advertiser disclosure\b|editorial (?:note|disclosure)\s*:\s*opinions expressed)/i,
];
const LEGAL_MAX_CHARS = 400;
const BOILERPLATE = [
  // A server's error printed into the page ("Warning: Creating default object … in /www/…/x.php on line 407").
  /^(?:warning|notice|deprecated|fatal error|parse error|strict standards)\s*:.{1,200}\bin\s+\/\S+\s+on line\s+\d+/i,
  // Blog-engine footers and prompts around the story ("This entry was posted in …", "Was this article helpful?").
  /^this (?:entry|post) was posted in\b|\bbookmark the permalink\.?$/i,
  /^(?:dieser|der) (?:beitrag|eintrag|artikel) wurde (?:am\b.{0,80}?)?(?:veröffentlicht|erstellt|abgelegt)\b|^erstellt am\b.{0,80}\babgelegt unter\b/i,
  /^(?:kategorie|kategorien|category|categories|catégorie|categoría|categoria|kategoria)\s*:\s*[\p{L}\p{N} ,&/-]{1,60}$/iu,
  /^(?:was this (?:article|page|post|story) (?:helpful|useful)|war (?:der|dieser) (?:artikel|beitrag) (?:hilfreich|nützlich)|(?:möchten sie )?(?:den|diesen) (?:artikel|beitrag) (?:mit anderen )?teilen)\b/i,
  /\b(?:download|get) (?:our|the) [\p{L}\p{N} .'-]{0,30}\bapps?\b.{0,40}(?:ios|iphone|android|app store|google play)|\bstraight to your phone with the\b/iu,
  /^(?:you can )?(?:keep up with|follow) (?:me|him|her) on (?:twitter|x|instagram|facebook|linkedin|mastodon|bluesky)\b/i,
  /^(?:anzeige|werbung|advertisement|publicidad|publicité)\s*[-–—:|]/i,
  /무단\s*전재|재배포\s*금지|무단\s*복제|AI\s*학습\s*(?:및\s*)?활용\s*금지|저작권자\s*[ⓒ©(]/,
  /^(?:copyright|ⓒ|©|\(c\))\s*(?:\d{4}|[\p{L}])/iu,
  /^(?:sign up|subscribe)\b.{0,120}(?:newsletter|inbox|email)/i,
  // A call to subscribe opening a sentence of a short line ("Get the latest in your inbox. Subscribe to our newsletters.").
  /^(?=.{0,160}$)(?=(?:.*[.!?]\s+)?(?:subscribe|sign up)\b)(?=.*\b(?:newsletters?|inbox)\b)/i,
  /^(?:have a (?:news )?tip\?|got a (?:news )?tip\?|do you have a (?:story|tip)\b)/i,
  /^(?:follow us|share this|share on|click here to|read more:|related:|관련\s*기사|함께\s*보면|많이\s*본\s*뉴스|추천\s*기사|이\s*기사를\s*공유)/i,
  /^(?:advertisement|광고|sponsored content|스폰서)$/i,
  /^(?:기사\s*제보|제보는\s*카톡|카카오톡\s*@|▶\s*제보|\[?제보하기)/,
  // Widget labels left as lines of their own: sign-in links, ad slots, gallery controls, comment counters.
  /^(?:home|enlarge(?: image| photo)?|follow (?:us )?on (?:twitter|facebook|instagram|x)|sign in|log in|skip to (?:main )?content|advert|ad|ads|anzeige|werbung|iklan|publicidade|publicidad|pub|caption|close|expand|comments?|\d+\s+comments?|post (?:a )?comment.*|leave a (?:comment|reply)|tell us what you think.*|like this story\?.*|view author archive|email the author|view all posts.*|this slideshow requires javascript\.?)$/i,
  /^(?:image|photo|slide|bild|foto)?\s*\d+\s*(?:of|\/|von|de)\s*\/?\s*\d+$/i,
  /^(?:kommentieren|kommentare?|\d+\s+kommentare?|commenter|\d+\s+commentaires?|comentar|\d+\s+comentarios?|(?:noch )?keine kommentare|no comments(?: yet)?)$/i,
  // Comment boxes' sign-in prompts, in the languages of the blog engines that print them.
  /^(?=.{0,220}$)(?=.*\b(?:must|need to|have to|please|bitte|müssen|musst|devez|debes|debe)\b).*(?:\b(?:log(?:ged)?|sign(?:ed)?)\s+in\b|loggen sie sich|einloggen|eingeloggt|angemeldet|anmelden|registriert|connectée?|conectado|iniciar sesión|zalogowany).{0,40}(?:\bto (?:post |leave |write )?(?:a )?comment|\bkommentare? (?:zu )?(?:schreiben|hinterlassen|verfassen)|\bzu kommentieren|\bdiskussion|\bcommentaire|\bcomentar|\bkomentarz)/i,
  /^(?=.{0,220}$)(?=.*\b(?:must|need to|have to|please|bitte|müssen|musst|devez|debes|debe)\b)(?:to|um|pour|para)\b.{0,60}\b(?:comment|kommentar|kommentieren|diskussion|commentaire|comentar)\w*\b.{0,80}(?:\b(?:log(?:ged)?|sign(?:ed)?)\s+in\b|loggen sie sich|einloggen|eingeloggt|angemeldet|connectée?|iniciar sesión)/i,
  /^(?:sie sind|du bist) (?:aktuell |derzeit )?nicht (?:eingeloggt|angemeldet)\.?$|^you are not (?:logged|signed) in\.?$/i,
  /^(?:verraten|schreiben|sagen) sie (?:es )?(?:uns )?(?:gerne )?in den kommentaren\b|^(?:tell|let) us (?:know )?in the comments\b/i,
  // Calls to sign up, support or write in, around the story.
  /^(?=.{0,220}$).*(?:\bby signing up (?:to|for)|\bsign up (?:to|for) (?:our|the)|\bsubscribe to our)\b.{0,40}\bnewsletters?\b/i,
  /^(?=.{0,220}$).*\b(?:sign up|subscribe) here\b/i,
  /^(?=.{0,220}$).*(?:\babonnieren sie|\babonniere|\bmelden sie sich|\babonnez-vous|\binscrivez-vous|suscríbete|\bsuscribite|\bassine|\biscriviti)\b.{0,60}(?:newsletter|boletín|infolettre)/i,
  /^(?=.{0,220}$).*\b(?:would you |please )?consider supporting (?:our|us|independent)\b|^(?=.{0,220}$).*\bsupport (?:our|independent) journalism\b/i,
  /^(?=.{0,220}$).*\b(?:submit|write) (?:a|your) letter to the editor\b|^we want to hear what you think about this (?:article|story)\b/i,
  /^(?=.{0,220}$).*\b(?:cancela cuando quieras|cancel (?:at )?any ?time|jederzeit kündbar|résiliable à tout moment)\b/i,
  // Pointers to other stories ("Related post: …", "[Related: …]", "SEE MORE: …", "… BY CLICKING HERE").
  /^[\[(]?\s*(?:related(?: post| article| story| coverage)?|see more|see also|also|read more|read also|more|watch|listen)\s*:\s*.{1,150}[\])]?$/i,
  // The same in other languages ("VEA TAMBIÉN: …", "Le puede interesar: …", "Lesen Sie auch: …"), linked or not.
  /^[\[(>»\s]*(?:vea también|lea también|lee también|mira también|(?:también )?(?:le|te) puede interesar|lesen sie (?:auch|mehr)|siehe auch|(?:à )?lire aussi|leia também|veja também|leggi anche|czytaj (?:też|także|również))\s*[:：]\s*.{1,150}$/iu,
  /\bby clicking here\.?$/i,
  /^(?:follow\s+[\p{L} .&'-]{1,40}\s+on\s+(?:twitter|facebook|instagram|youtube|x)\b|want more stories like this\??$)/iu,
  // Agency and contributor credits ("By Reuters", "Reporting by …; Editing by …", "X contributed reporting from Y").
  /^(?:by\s+)?(?:the\s+)?(?:reuters|associated press|ap|afp|dpa|upi|bloomberg|staff(?: reports?)?|wire reports)\.?$/i,
  /^[(\[]?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|research)\s+by\b/i,
  /\bcontributed\s+(?:reporting|to\s+this\s+(?:report|story))\b[^.]{0,80}\.?$/i,
  // Reading-time notes.
  /^(?:(?:reading time|read time|tempo de leitura|tiempo de lectura|lesezeit|lesedauer|temps de lecture)\s*:?\s*(?:ca\.\s*)?\d+\s*\p{L}+|\d+\s*(?:min(?:ute)?s?)\.?\s+(?:read|lesezeit|de lectura|de leitura))$/iu,
  // Relative publication times ("Published 1 day ago").
  /^(?:published|updated|posted)\s+\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$/i,
];
/** Headings of lists of other stories; the list that follows goes with them. */
const MORE_STORIES = new RegExp(
  String.raw`^(?:` +
    [
      // English
      String.raw`you (?:may|might) also like|related(?: posts?| articles?| stories| news| content| coverage| links| reading| topics)?|recommended(?: for you| stories| reading)?|more (?:stories|news|from [\p{L} ]{1,30}|on this topic|great [\p{L}]+ stories)|recent (?:articles|posts|stories)|popular (?:this week|now|stories|articles)|most (?:popular|read|viewed)|don'?t miss|read (?:more|next|also)|see also|also read|further reading|editor'?s picks|top stories|trending(?: now)?|more`,
      // German
      String.raw`weitere (?:artikel|beiträge|themen|news|nachrichten)(?: (?:aus|zu|zum|in) [\p{L}\p{N} .-]{1,40})?|mehr themen|das könnte (?:sie|dich|euch) (?:auch )?interessieren|mehr zu(?:m thema)?(?: [\p{L}\p{N} .-]{1,40})?|lesen sie (?:auch|mehr|weiter)(?: (?:die|diese) (?:folgenden )?(?:beiträge|artikel))?|(?:zum )?weiterlesen|auch interessant|(?:verwandte|ähnliche) (?:artikel|beiträge|themen)|empfohlene (?:artikel|beiträge)|empfehlungen? der redaktion|die redaktion empfiehlt|meist(?:gelesene?|diskutierte?|kommentierte?|geteilte?)(?: (?:artikel|beiträge|nachrichten|news))?|am meisten gelesen|themen (?:im|in diesem) (?:artikel|beitrag)|siehe auch|auch auf [\p{L}\p{N}.-]{2,30}|vorschau auf den nächsten (?:artikel|beitrag)|weiterführende(?:r)? links?`,
      // Portuguese, Spanish, French, Italian, Polish, Korean
      String.raw`leia (?:também|mais)|veja também|lea (?:también|más)|lee (?:también|más)|vea también|mira también|(?:también )?(?:le|te) puede interesar|noticias relacionadas|notas relacionadas|artículos relacionados|(?:à )?lire (?:aussi|également)|sur le même sujet|(?:audios? et )?vidéos? sur le (?:même )?sujet|articles similaires|voir aussi|leggi anche|articoli correlati|czytaj (?:też|także|również|więcej)|관련\s*기사|많이\s*본\s*기사`,
    ].join('|') +
    String.raw`)\s*[:.…!»>]*$`,
  'iu',
);
const MAX_BOILERPLATE_CHARS = 220;
const CREDIT_LABEL_START = /^\s*[\[(]?\s*(?:photo(?:graph)?s?|image|picture|credit|courtesy|bild|titelbild|bildquelle|fotos?|crédits? photos?|fuente|zdjęcie|사진|그래픽|자료|写真)(?![\p{L}])\s*(?:copyright|credit|by)?\s*[=:：]?/iu;

/** Collapses whitespace. */
const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const key = looseKey;

/** True when a short line is site boilerplate rather than article text. */
export function isBoilerplate(text: string): boolean {
  const t = norm(text);
  if (t === '') return false;
  if (t.length <= LEGAL_MAX_CHARS && LEGAL.some((re) => re.test(t))) return true;
  return t.length <= MAX_BOILERPLATE_CHARS && BOILERPLATE.some((re) => re.test(t));
}

const TEXT_BLOCK = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'DIV', 'SPAN', 'BLOCKQUOTE', 'STRONG', 'B', 'EM', 'ADDRESS', 'DD', 'DT', 'TD']);
/** Tags whose presence inside an element makes it a container rather than a text block. */
const INNER_BLOCK = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'FIGURE', 'TABLE', 'IMG']);

/** Leaf-ish text blocks of the body in document order (paragraphs, headings, list items, text-only divs), outside figures. */
function textBlocks(content: Element): Element[] {
  // One walk instead of a querySelector and a closest() per candidate (iterative: hostile pages
  // nest thousands of tags): mark the ancestors of every INNER_BLOCK element as containers, and
  // everything under a <figure> as inside one.
  if (content.closest('figure')) return [];
  const all = Array.from(descendants(content));
  const containers = new Set<Element>();
  const inFigure = new Set<Element>();
  for (const el of all) {
    const parent = el.parentElement;
    if (el.tagName === 'FIGURE' || (parent && inFigure.has(parent))) inFigure.add(el);
    if (!INNER_BLOCK.has(el.tagName)) continue;
    for (let p = parent; p && p !== content && !containers.has(p); p = p.parentElement) containers.add(p);
  }
  return all.filter((el) => TEXT_BLOCK.has(el.tagName) && !containers.has(el) && !inFigure.has(el) && hasVisibleText(el));
}

/** Removes `el` and any ancestors it leaves empty (up to the content root). */
function removeUp(el: Element, root: Element): void {
  let cur: Element | null = el;
  while (cur && cur !== root) {
    const parent: Element | null = cur.parentElement;
    cur.remove();
    if (!parent || parent === root || norm(parent.textContent) !== '' || parent.querySelector('img, figure')) break;
    cur = parent;
  }
}

/** Removes the blocks near the top of the body that repeat the headline (a second headline element outside the one Readability dropped). */
export function removeTitleRepeats(content: Element, title: string): void {
  const k = key(title);
  if (k.length < 8) return;
  for (const el of textBlocks(content).slice(0, 4)) if (key(norm(el.textContent)) === k) removeUp(el, content);
}

/** Removes from `content` the blocks that repeat a deck line (near the top of the body). */
export function removeDeckRepeats(content: Element, deck: readonly string[]): void {
  if (deck.length === 0) return;
  const keys = new Set(deck.map(key));
  const all = key(deck.join(''));
  for (const el of textBlocks(content).slice(0, deck.length + 6)) {
    const k = key(norm(el.textContent));
    if (k === '') continue;
    // A block equal to one line, or holding all lines joined (one <h2> with <br>s).
    if (keys.has(k) || k === all) {
      removeUp(el, content);
      continue;
    }
    // Otherwise: when this block is a real paragraph, the top of the body has been passed.
    if (k.length > 200) break;
  }
}

/** Finds reporter lines at the start and end of the body, removes them and returns their authors. */
export function removeReporterLines(content: Element): Author[] {
  const authors: Author[] = [];
  const emails: string[] = [];
  const blocks = textBlocks(content);
  const head = blocks.slice(0, 3);
  const tail = blocks.slice(Math.max(3, blocks.length - 5)).reverse();
  for (const el of [...head, ...tail]) {
    if (!el.isConnected && !content.contains(el)) continue;
    const text = norm(el.textContent);
    // A line that is only the reporter's email ("kim@newsis.example") completes an earlier byline.
    if (tail.includes(el) && /^[(<]?[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}[)>]?$/.test(text)) {
      emails.push(text.replace(/^[(<]|[)>]$/g, ''));
      removeUp(el, content);
      continue;
    }
    const r = parseReporterLine(text) ?? (tail.includes(el) ? parseTrailingReporter(text) : undefined);
    if (!r || r.authors.length === 0) continue;
    authors.push(...r.authors);
    if (r.rest) replaceText(el, text, r.rest);
    else removeUp(el, content);
  }
  // Bare emails go to the first author without one.
  return authors.map((a) => (a.email || emails.length === 0 ? a : { ...a, email: emails.shift()! }));
}

/** Blocks at the end of the body read for a paywall prompt. */
const PROMPT_TAIL_BLOCKS = 8;
/** Lines of a paywall box after its prompt (offers, prices, "Already a subscriber?") are short. */
const MAX_BOX_LINE_CHARS = 300;

/**
 * Removes the prompt to subscribe or sign in to read on that ends the body (paywall.ts), with the
 * short lines of its box that follow it (offers, prices, sign-in links); true when there was one.
 */
export function removePaywallPrompts(content: Element): boolean {
  const tail = textBlocks(content).slice(-PROMPT_TAIL_BLOCKS);
  const at = tail.findIndex((el) => isPaywallPrompt(norm(el.textContent)));
  if (at < 0) return false;
  const rest = tail.slice(at);
  if (rest.slice(1).some((el) => norm(el.textContent).length > MAX_BOX_LINE_CHARS)) {
    removeUp(rest[0]!, content);
    return true;
  }
  for (const el of rest) if (content.contains(el)) removeUp(el, content);
  return true;
}

/** Blocks at the end of the body read for a closing section of contacts and sources. */
const END_SECTION_BLOCKS = 8;
/** Lines of such a section (names, phone numbers, addresses, links) are short. */
const MAX_END_LINE_CHARS = 200;
/** Labels that open the contacts-and-sources section ending a press release or a report. */
const END_LABEL = /^(?:kontakt|pressekontakt|medienkontakt|ansprechpartner(?:in|innen)?(?: (?:zum thema|für die presse))?|weitere informationen|zusatzinformationen|quellenangaben|quellen|originalartikel|contact|contacts|media contacts?|press contacts?|for more information|further information|sources|contact presse|contacto(?: de prensa)?|fuentes)\s*:?$/i;
/** A closing line naming where the story came from ("Quelle: dpa", "Źródło: ISBnews"). */
const SOURCE_LINE = /^(?:quelle|source|źródło|fuente|fonte)\s*:\s*.{1,100}$/i;

/**
 * Removes the section of contacts and sources that ends a press release or a report ("Kontakt:"
 * and the short lines under it, "Quelle: …"): furniture of the sender, not the story.
 */
export function removeEndSections(content: Element): void {
  const tail = textBlocks(content).slice(-END_SECTION_BLOCKS);
  const at = tail.findIndex((el) => END_LABEL.test(norm(el.textContent)));
  if (at >= 0 && tail.slice(at + 1).every((el) => norm(el.textContent).length <= MAX_END_LINE_CHARS)) {
    for (const el of tail.slice(at)) if (content.contains(el)) removeUp(el, content);
  }
  for (const el of tail.slice(-3)) if (content.contains(el) && SOURCE_LINE.test(norm(el.textContent))) removeUp(el, content);
}

/** Removes date lines ("입력 2026.11.24 09:31 수정 …", "Published 10:20 AM") among the first and last blocks of the body. */
export function removeDateLines(content: Element): void {
  const blocks = textBlocks(content);
  const ends = blocks.length <= 10 ? blocks : [...blocks.slice(0, 5), ...blocks.slice(-5)];
  for (const el of ends) if (isDateLine(norm(el.textContent))) removeUp(el, content);
}

/** Replaces the text of a block by `rest`, keeping inline markup when the byline is a plain-text prefix or suffix. */
function replaceText(el: Element, full: string, rest: string): void {
  const first = el.firstChild;
  const last = el.lastChild;
  const cut = full.length - rest.length;
  const prefix = full.slice(0, cut).trim();
  const head = first && first.nodeType === 3 ? (first.textContent ?? '').replace(/\s+/g, ' ').trimStart() : '';
  if (first && full.endsWith(rest) && head.startsWith(prefix)) {
    first.textContent = head.slice(prefix.length).trimStart();
    return;
  }
  if (full.startsWith(rest) && last && last.nodeType === 3) {
    const lt = last.textContent ?? '';
    const removed = full.slice(rest.length).trim();
    const i = lt.lastIndexOf(removed.slice(0, 8));
    if (i >= 0) {
      last.textContent = lt.slice(0, i);
      return;
    }
  }
  el.textContent = rest;
}

/** Longest line read as the caption of the photo it follows. */
const MAX_CAPTION_LINE_CHARS = 300;

/** The <figure> right before `el` (or before its parent, when `el` opens it), inside `root`. */
function figureBefore(el: Element, root: Element): Element | null {
  let prev = el.previousElementSibling;
  if (!prev && el.parentElement && el.parentElement !== root) prev = el.parentElement.previousElementSibling;
  return prev?.tagName === 'FIGURE' ? prev : null;
}

/** The element after `el` in its parent, climbing while `el` is its parent's last child (inside `root`). */
function nextBlock(el: Element, root: Element): Element | null {
  for (let cur: Element | null = el; cur && cur !== root; cur = cur.parentElement) if (cur.nextElementSibling) return cur.nextElementSibling;
  return null;
}

/** Blocks after a "more stories" heading read as its list. */
const MAX_LISTED_STORIES = 12;
/** A dateline or section label between listed stories ("06. Aug 2020 // Tipps"): short, no sentence. */
const LISTED_LABEL = /^(?=.{1,40}$)[^.!?]*\d[^!?]*$/u;

/** True for what a "more stories" heading lists: a block of links, or a short dateline between them. */
function isListedStory(el: Element): boolean {
  return isLinkList(el) || LISTED_LABEL.test(norm(el.textContent));
}

/** True for a list or block made of links (other stories): at least one link and little text outside links. */
function isLinkList(el: Element): boolean {
  const links = Array.from(el.querySelectorAll('a'));
  if (links.length === 0) return false;
  const all = norm(el.textContent).length;
  const linked = links.reduce((n, a) => n + norm(a.textContent).length, 0);
  return all > 0 && linked / all > 0.7;
}

// "Label: <a>Headline</a>" — a short label, then one link to another page holding the rest: a
// pointer to another story set in the text ("Read also:", "LE PUEDE INTERESAR:", "Czytaj też:"),
// recognised by its shape in any language. The label stands outside the link (a linked heading
// "Example 1: …" or a linked title with a colon is not one), the rest reads as a headline (four
// words or more: not a credit such as "(Artist: Name)"), and the link leaves the page (mail,
// phone and in-page links are not pointers).
const POINTER = /^([^:：(\[]{1,40})[:：]\s*(.{8,200})$/u;
const POINTER_LABEL_WORDS = 4;
const POINTER_REST_WORDS = 4;
const POINTER_LINKED_SHARE = 0.8;

/** True when `el` (its text `text`) is a label and a link to another story. */
function isStoryPointer(el: Element, text: string): boolean {
  const m = POINTER.exec(text);
  if (!m || m[1]!.trim().split(/\s+/).length > POINTER_LABEL_WORDS || m[2]!.split(/\s+/).length < POINTER_REST_WORDS) return false;
  const links = Array.from(el.querySelectorAll('a[href]'));
  if (links.length !== 1 || /^\s*(?:mailto:|tel:|#)/i.test(links[0]!.getAttribute('href') ?? '')) return false;
  const linked = norm(links[0]!.textContent);
  const r = !/[:：]/.test(linked.slice(0, 45)) && linked.length >= POINTER_LINKED_SHARE * m[2]!.length; return r;
}

/** Moves credit-only lines that follow a photo into its caption, drops boilerplate lines and empty shells. */
export function cleanBody(content: Element): void {
  const doc = content.ownerDocument;
  for (const el of textBlocks(content)) {
    if (!el.isConnected && !content.contains(el)) continue;
    const text = norm(el.textContent);
    if (isBoilerplate(text) || isStoryPointer(el, text)) {
      removeUp(el, content);
      continue;
    }
    if (text.length <= 60 && MORE_STORIES.test(text)) {
      // The heading and the list of links right after it: other stories, not this one.
      let next = nextBlock(el, content);
      for (let i = 0; next && i < MAX_LISTED_STORIES && isListedStory(next); i++) {
        const after = nextBlock(next, content);
        removeUp(next, content);
        next = after;
      }
      removeUp(el, content);
      continue;
    }
    if (isCreditOnly(text)) {
      // "사진=연합뉴스" right after a photo is its credit; elsewhere a stray credit line.
      const fig = figureBefore(el, content);
      if (fig && !fig.querySelector('cite')) {
        const credit = splitCredit(text).credit ?? text;
        let fc = fig.querySelector('figcaption');
        if (!fc) {
          fc = doc.createElement('figcaption');
          fig.appendChild(fc);
        } else fc.appendChild(doc.createTextNode(' '));
        const cite = doc.createElement('cite');
        cite.textContent = credit;
        fc.appendChild(cite);
      }
      // A line that opens with a credit label ("Photo: …", "Image copyright …") is a credit at any length.
      if (fig || text.length < 40 || CREDIT_LABEL_START.test(text)) removeUp(el, content);
      continue;
    }
    // A short line right after an uncaptioned photo that ends or opens with a credit is that photo's caption.
    if (text.length <= MAX_CAPTION_LINE_CHARS) {
      const fig = figureBefore(el, content);
      const split = fig && !fig.querySelector('figcaption') ? splitCredit(text) : undefined;
      if (fig && split?.caption && split.credit) {
        const fc = doc.createElement('figcaption');
        fc.appendChild(doc.createTextNode(`${split.caption} `));
        const cite = doc.createElement('cite');
        cite.textContent = split.credit;
        fc.appendChild(cite);
        fig.appendChild(fc);
        // The alt text that repeats the caption goes: the caption is shown once.
        const img = fig.querySelector('img');
        const alt = key(img?.getAttribute('alt') ?? '');
        if (img && alt !== '' && key(split.caption).includes(alt)) img.setAttribute('alt', '');
        removeUp(el, content);
      }
    }
  }
  // Empty shells (no text, no photo) left by the removals above. Removing a shell never changes
  // the text of what is left, so blankness is read without building every container's text.
  for (const el of Array.from(content.querySelectorAll('p, div, span, section, li, ul, ol, blockquote, strong, em, b, i, a, h1, h2, h3, h4, h5, h6')).reverse()) {
    if (!hasVisibleText(el) && !el.querySelector('img, figure, br + br, hr, table')) el.remove();
  }
}
