import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHtmlDocument } from './dom/parse-html.ts';
import { declaredDeck, findDeck } from './deck-finder.ts';
import { extractArticle } from './extract-article.ts';

describe('declaredDeck', () => {
  const title = 'The Weird Plumes of Jupiter’s Moon Europa Are Spewing Water Vapor';
  const text = 'Scientists have detected water vapour above the surface of Europa for the first time.\n\nThe plumes appear rarely.';
  it('should take a sub-headline that says something the headline does not', () => {
    assert.deepEqual(declaredDeck("Europa's plumes appear to be real, but very sporadic.", title, text), ["Europa's plumes appear to be real, but very sporadic."]);
  });
  it('should not take the headline in other words, the opening paragraph, or an overlong line', () => {
    assert.deepEqual(declaredDeck('Mourinho agrees deal to become Tottenham manager', 'Jose Mourinho agrees deal to replace Mauricio Pochettino as Tottenham manager', text), []);
    assert.deepEqual(declaredDeck(title, title, text), []);
    assert.deepEqual(declaredDeck('Scientists have detected water vapour above the surface of Europa for the first time.', title, text), []);
    assert.deepEqual(declaredDeck('x'.repeat(400), title, text), []);
    assert.deepEqual(declaredDeck(undefined, title, text), []);
  });
});

describe('extractArticle: declared deck', () => {
  const page = (ld: string, header = '') =>
    `<!doctype html><html lang="en"><head><title>Europa plumes</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Europa is spewing water vapour","alternativeHeadline":${JSON.stringify(ld)}}</script></head>` +
    `<body><article><h1>Europa is spewing water vapour</h1>${header}<div class="story">${'<p>Scientists using the Keck telescope detected water vapour above the surface of the moon, a sign of the ocean below its ice.</p>'.repeat(5)}</div></article></body></html>`;
  it('should show the declared sub-headline as the deck when the markup has none, and keep the body whole', async () => {
    const a = await extractArticle(page('The plumes appear to be real, but very sporadic.'), { url: 'https://news.example/europa' });
    assert.deepEqual(a.deck, ['The plumes appear to be real, but very sporadic.']);
    assert.equal(a.text.split('Keck telescope').length - 1, 5);
  });
  it('should not show the byline under the headline as a deck', async () => {
    const html = `<!doctype html><html lang="en"><head><title>Utility begins power shutoff</title><meta name="author" content="Jane Roe"></head><body><article><div class="header"><h1>Utility begins power shutoff</h1><h3>JANE ROE</h3><h3>Winds are expected to peak on Thursday</h3></div><div class="story">${'<p>The utility began cutting power to some 375,000 people in northern counties as the region faces extreme fire danger from strong winds.</p>'.repeat(4)}</div></article></body></html>`;
    const a = await extractArticle(html, { url: 'https://news.example/shutoff' });
    assert.deepEqual(a.deck, ['Winds are expected to peak on Thursday']);
    assert.deepEqual(a.authors.map((x) => x.name), ['Jane Roe']);
  });
  it('should prefer the deck the markup shows', async () => {
    const a = await extractArticle(page('The plumes appear to be real, but very sporadic.', '<p class="standfirst">A moon with an ocean under its ice.</p>'), { url: 'https://news.example/europa' });
    assert.deepEqual(a.deck, ['A moon with an ocean under its ice.']);
  });
});

describe('findDeck', () => {
  const story = '<p>The council voted on Tuesday to close the old harbour bridge to cars from March, after engineers found cracks in two of its piers.</p>'.repeat(3);
  const deckOf = (body: string) => findDeck(parseHtmlDocument(`<!doctype html><html><body>${body}</body></html>`) as unknown as Document, 'Harbour bridge to close to cars');
  it('should take a bold block of dash-led lines opening the story for the deck, not other bold lines', () => {
    assert.deepEqual(deckOf(`<h1>Harbour bridge to close to cars</h1><div class="story"><p><strong>- Cracks found in two piers<br>- Ferries to run from March</strong></p>${story}</div>`), ['Cracks found in two piers', 'Ferries to run from March']);
    assert.deepEqual(deckOf(`<h1>Harbour bridge to close to cars</h1><div class="story"><p><strong>Breaking News</strong></p>${story}</div>`), []);
    assert.deepEqual(deckOf(`<h1>Harbour bridge to close to cars</h1><div class="story"><p><strong>---- by Jane Roe</strong></p>${story}</div>`), []);
    assert.deepEqual(deckOf(`<h1>Harbour bridge to close to cars</h1><div class="story">${story}<p><b>◆ What comes next</b></p>${story}</div>`), []);
  });
  it("should not take a portal's machine-made summary for the deck", () => {
    const summary = (note: string) => `<h3 class="tit_view">Harbour bridge to close to cars</h3><div class="util_view"><button type="button" aria-expanded="false">Summary</button><div class="layer_util layer_summary"><p>The council voted on Tuesday to close the bridge.</p><p>Engineers found cracks in two piers.</p><span class="info_summary">${note}</span></div></div><div class="story">${story}</div>`;
    assert.deepEqual(deckOf(summary('기사 제목과 주요 문장을 기반으로 자동요약한 결과입니다. 전체 맥락을 이해하기 위해서는 본문 보기를 권장합니다.')), []);
    assert.deepEqual(deckOf(summary('This summary was generated by AI from the article.')), []);
    assert.deepEqual(deckOf(summary('Repairs will take two years.')), ['The council voted on Tuesday to close the bridge.', 'Engineers found cracks in two piers.', 'Repairs will take two years.'], 'a summary box the page wrote is a deck');
  });
  it('should read sub-title classes written with underscores as with hyphens', () => {
    for (const cls of ['view_tit_sub', 'article_sub_title', 'sub_head', 'title_sub', 'news-sub-tit', 'ab_sub_heading', 'sub-headline']) {
      assert.deepEqual(deckOf(`<h1>Harbour bridge to close to cars</h1><p class="${cls}">Repairs to take two years</p><div class="story">${story}</div>`), ['Repairs to take two years'], cls);
    }
    assert.deepEqual(deckOf(`<h1>Harbour bridge to close to cars</h1><p class="subscribe_box">Repairs to take two years</p><div class="story">${story}</div>`), []);
  });
  it('should not take the sub-title of a card linking to another story for the deck', () => {
    const card = '<div class="embedded-card"><a href="/2025/other-story"><div class="card-heading"><div class="card-subtitle">Bridges of the north</div><div class="card-title">Ferry service to return in spring</div></div></a></div>';
    assert.deepEqual(deckOf(`<h1>Harbour bridge to close to cars</h1><div class="story">${story}${card}</div>`), []);
    assert.deepEqual(deckOf(`<h1>Harbour bridge to close to cars</h1><div class="story"><div class="card-subtitle">Repairs to take two years</div>${story}</div>`), ['Repairs to take two years']);
    // A teaser card set before the story: its linked headline beside the excerpt and the date line.
    const teaser = (n: number) => `<div class="m-teaser"><div class="m-teaser__heading"><h2 class="m-teaser__title"><a href="/2025/other-${n}">Ferry service to return in spring</a></h2><div class="m-teaser__meta">2 days ago by <a href="/author/jane">Jane Roe</a></div></div><div class="m-teaser__main"><p class="m-teaser__excerpt">The old ferry is to sail again from April, the operator said.</p></div></div>`;
    assert.deepEqual(deckOf(`<h1>Harbour bridge to close to cars</h1><div class="story">${teaser(1)}${teaser(2)}${story}</div>`), []);
    // A card whose headline is set inside its link.
    const linkedCard = '<div class="views-row"><div class="views-field-title"><a href="/2025/other"><h2 class="title">Ferry service to return in spring</h2></a></div><div class="views-field-teaser-text"><span class="teaser-text">The old ferry is to sail again from April, the operator said.</span></div></div>';
    assert.deepEqual(deckOf(`<h1>Harbour bridge to close to cars</h1><div class="story">${linkedCard}${story}</div>`), []);
    // A notice for readers without script.
    assert.deepEqual(deckOf(`<h1>Harbour bridge to close to cars</h1><noscript><div class="nojs-teaser__headline">Why can't I see the site?</div></noscript><div class="story">${story}</div>`), []);
    // A deck in a column that also holds the story and its related links is the page's.
    const related = '<ul><li><h3><a href="/2025/ferry">Ferry service to return in spring</a></h3></li><li><h3><a href="/2025/tolls">Tolls on the new bridge to rise</a></h3></li></ul>';
    assert.deepEqual(deckOf(`<header><h1>Harbour bridge to close to cars</h1></header><div class="main"><div class="row"><h2 class="com-subhead">Repairs to take two years</h2></div>${story}${story}${related}</div>`), ['Repairs to take two years']);
  });
  it('should read sub-titles between the headline and the story, not in the menus above it or the boxes after it', () => {
    const menu = '<div class="menu"><div class="menu-teaser">New in Travel</div><div class="menu-teaser">New in Food</div></div>';
    const box = '<div class="box"><h3 class="box-subtitle">Most read today</h3><div class="box-summary">Ferry service to return in spring</div></div>';
    assert.deepEqual(deckOf(`${menu}<h1>Harbour bridge to close to cars</h1><div class="story">${story}</div>${box}`), []);
    // Korean layouts: the sub-title opens the body, the story follows as text set with <br>.
    const brStory = `${'서울시는 다음 달부터 한강 옛 다리의 차량 통행을 막고 보수 공사에 들어간다고 밝혔다. 정밀 안전 진단에서 교각 두 곳에 균열이 발견됐기 때문이다. '.repeat(3)}<br><br>공사는 2년 동안 이어진다.`;
    assert.deepEqual(deckOf(`${menu}<h1>Harbour bridge to close to cars</h1><div class="article_body"><div class="subtitle">보수 공사 2년… 버스는 그대로 다닌다</div>${brStory}</div>${box}`), ['보수 공사 2년… 버스는 그대로 다닌다']);
    // A sub-title set right above the headline is read; a date line is not a deck.
    // Nor is a photo credit, the heading of a list of other stories, or a label introducing what follows.
    for (const line of ['Photo: Reuters', 'See also', 'You might be interested in:']) {
      assert.deepEqual(deckOf(`<h1>Harbour bridge to close to cars</h1><p class="subtitle">${line}</p><div class="story">${story}</div>`), [], line);
    }
    assert.deepEqual(deckOf(`<header><h2 class="entry-subtitle">Cracks in two piers</h2><h1>Harbour bridge to close to cars</h1><p class="subtitle">02.01.2026</p></header><div class="story">${story}</div>`), ['Cracks in two piers']);
  });
});
