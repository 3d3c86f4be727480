// Raw HTML → something safe and cheap to parse: capped in size, JSON-LD blocks set aside,
// scripts, styles and comments removed before the DOM is built (they are never article text,
// and on hostile pages they are most of the bytes).

/** Largest HTML input considered; the rest of a bigger page is cut off. */
export const MAX_HTML_CHARS = 5_000_000;

/** HTML ready for parsing plus the JSON-LD script bodies found in it. */
export interface PreparedHtml {
  readonly html: string;
  readonly jsonLd: readonly string[];
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const STRIP = /<style\b[^>]*>[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->|<(?:svg|math)\b[^>]*>[\s\S]*?<\/(?:svg|math)\s*>|<template\b[^>]*>[\s\S]*?<\/template\s*>/gi;

/** Caps the input, collects JSON-LD and strips scripts, styles, comments, svg and templates. */
export function prepareHtml(input: string): PreparedHtml {
  let html = input.length > MAX_HTML_CHARS ? input.slice(0, MAX_HTML_CHARS) : input;
  const jsonLd: string[] = [];
  html = html.replace(SCRIPT, (_, attrs: string, body: string) => {
    if (/application\/ld\+json/i.test(attrs) && jsonLd.length < 20) jsonLd.push(body);
    return '';
  });
  html = html.replace(STRIP, '');
  // An unterminated <script> would swallow the page in a browser too; drop its tail.
  html = html.replace(/<script\b[\s\S]*$/i, '');
  if (!/<body[\s>]/i.test(html)) html = /<html[\s>]/i.test(html) ? html.replace(/(<\/head\s*>)/i, '$1<body>') : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return { html, jsonLd };
}
