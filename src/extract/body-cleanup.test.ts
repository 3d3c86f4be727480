import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHtmlDocument } from './dom/parse-html.ts';
import { cleanBody, removePaywallPrompts } from './body-cleanup.ts';
import { joinDropCaps, removeLeadingNav, removeTitleRepeats } from './body-top.ts';
import { removeEndSections, removeTrailingFurniture } from './body-ends.ts';
import { isBoilerplate } from './furniture-lines.ts';

describe('isBoilerplate', () => {
  const cases: [string, boolean][] = [
    ['Story continues below advertisement', true],
    ['Article continues below', true],
    ['Skip Article Header. Skip to: Start of Article.', true],
    ['Skip to main content', true],
    ['skip the middlemen', false],
    ["Before it's here, it's on the Bloomberg Terminal. LEARN MORE", true],
    ['Scientists say the results could change how we learn more.', false],
    ['Advertisement - Continue Reading Below', true],
    ['The article continues below the fold of the newspaper.', false],
    ['Listen to this article · 5 min', true],
    ['Share', true],
    ['Share this article', true],
    ['Share prices fell sharply on Monday.', false],
    ['RELATED PHOTOS: The Best Dressed Stars of the Week', true],
    ['Related video: Watch the launch', true],
    ['Related research suggests the drug works.', false],
    ['연합뉴스TV 기사문의 및 제보 : 카톡/라인 jebo23', true],
    ['◎공감언론 뉴시스가 독자 여러분의 소중한 제보를 기다립니다. 뉴스 가치나 화제성이 있다고 판단되는 사진 또는 영상은 뉴시스 사진영상부(n-photo@newsis.example)로 보내주시면 적극 반영하겠습니다.', true],
    ['경찰은 "시민들의 제보를 기다립니다"라고 밝힌 뒤 현장 주변 CCTV 영상을 분석하고 있다.', false],
    ['제보자는 경찰에 전화로 신고했다고 말했다.', false],
    ['Gift article', true],
    ['LIMITED-TIME OFFER SUBSCRIBE NOW', true],
    ['（编辑：严玉洁 王辉）', true],
    ['【责任编辑：严玉洁】', true],
    ['（編集：山田太郎）', true],
    ['编辑部表示将继续跟进报道。', false],
    ['Subscribe today!', true],
    ['Subscribe to the theory that rents will fall.', false],
    ['Comments (12)', true],
    ['0:00 / 2:31', true],
    ['Save the date: the council meets again on Friday.', false],
    ['요약봇', true],
    ['음성으로 듣기', true],
    ['카카오톡 공유하기', true],
    ['번역가들이 모였다', false],
    ['제보는 카카오톡 okjebo', true],
    ['한빛일보 앱 설치하기', true],
    ['최신 유행 트렌드 총집결 #흥(클릭!)', true],
    ['▶ 무료 운세 보기 [클릭]', true],
    ['사용자는 화면의 버튼을 두 번 클릭해야 한다.', false],
    ['네이버 메인에서 한빛일보를 받아보세요', true],
    ['#서울시 #예산 #대중교통', true],
    ['Tags: transit, budget', true],
    ['The #1 reason, officials said, was cost.', false],
    ['Topics of the meeting included the budget and the new bus routes.', false],
    ['이 기사를 추천합니다', true],
    ['기사 추천', true],
    ['기자의 다른 기사 보기', true],
    ['홍길동 기자 기사 더보기', true],
    ['기자 구독', true],
    ['홍길동 기자', false],
    ['기자가 쓴 기사를 보면 알 수 있다', false],
    ['Sign In', true],
    ['Need more space? Subscribe to our sister title "All About Space" Magazine for the latest amazing news from the final frontier!', true],
    ['촬영기자:박준호/영상편집:이서연/그래픽:최유진', true],
    ['훈훈해요슬퍼요화나요후속기사 원해요', true],
    ['A version of this article appears in print on Nov. 16, 2025, Section A, Page 18 of the New York edition with the headline: Buses Go Electric. Order Reprints | Today’s Paper | Subscribe', true],
    ['Supported by', true],
    ['Supported by the council, the plan passed.', false],
    ['[광고] 지금 바로 한빛경제 앱을 설치하세요', true],
    ['[AD] Try our new app', true],
    ['광고 시장이 3년 만에 성장세로 돌아섰다.', false],
    ['쏠쏠정보 0', true],
    ['후속강추 12', true],
    ['좋아요라는 말을 들었다', false],
    ['기사제공 한빛일보', true],
    ['이 기사는 언론사에서 정치 섹션으로 분류했습니다.', true],
    ['이 기사는 정치 섹션의 주요 기사로 주민들의 반응을 모았다.', false],
    ['※ 이 기사는 한빛일보 지면에 실렸습니다.', true],
    ['[앵커]', true],
    ['<리포트>', true],
    ['◀ 앵커 ▶', true],
    ['[인터뷰] 김철수/서울시 건설국장', false],
    ['추천해요 3 좋아요 1 감동이에요 0 화나요 5 슬퍼요 2', true],
    ['화나요, 정말 화나요', false],
    ['Mit dem Laden des Beitrags akzeptieren Sie die Datenschutzerklärung von Instagram.', true],
    ['Beitrag laden', true],
    ['Deixe suas dúvidas e opiniões aqui embaixo! Obrigado por compartilhar nosso conteúdo!', true],
    ['Leave your thoughts in the comments below.', true],
    ['By loading the new ferry timetable, the city hopes to win back commuters.', false],
    ['이 기사에 대해 어떻게 생각하시나요?', true],
    ['로그인하고 댓글을 남겨보세요.', true],
    ['첫 댓글을 남겨주세요', true],
    ['What did you think of the article you just read?', true],
    ['그는 로그인 기록과 댓글을 모두 지웠다고 경찰에 진술했다. 경찰은 이를 확인하고 있다.', false],
    ['(영상취재 : 김원배, 영상편집 : 원형희)', true],
    ['그래픽: 올해 물가 상승률은 3%로 예상된다는 분석이 많다', false],
    ['Skip to content', true],
    ['Advert', true],
    ['Image 1 of / 23', true],
    ['3 of 12', true],
    ['This slideshow requires JavaScript.', true],
    ['Tell us what YOU think...', true],
    ['Tempo de leitura: 2 minutos', true],
    ['5 min read', true],
    ['Published 1 day ago', true],
    ['Enlarge Image', true],
    ['By Reuters', true],
    ['Related post: Pickled Brussels Sprouts Recipe', true],
    ['VEA TAMBIÉN: Entre heces y guaricha: la educación no brilla para estudiantes', true],
    ['Le puede interesar: JEP abrirá tres nuevos macrocasos', true],
    ['Lesen Sie auch: Der Stadtrat stimmt über den Haushalt ab', true],
    ['[Related: Keynote highlights and protests]', true],
    ['READ MORE ON EXAMPLE BUSINESS BY CLICKING HERE', true],
    ['Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.', true],
    ['More: the council will vote again next week on the harbour plan.', true],
    ['Related matters were discussed by the committee: budgets, schools and the harbour.', false],
    ['Get the latest updates right in your inbox. Subscribe to our newsletters.', true],
    ['Have a tip? Jane Roe may be reached at jroe@example.com. Follow her on Twitter.', true],
    ['Readers who subscribe to the print edition will get the newsletter insert on Sunday, the publisher said in a statement to staff.', false],
    ['(Reporting by Jane Roe; Editing by John Doe)', true],
    ['Keith Example contributed reporting from Hong Kong.', true],
    ['Reporting from the border has become dangerous, the union says, after two journalists were detained.', false],
    ['Follow us on Twitter', true],
    ['무단전재 및 재배포 금지', true],
    ['Close to 3,000 people attended the vigil on Sunday.', false],
    ['Comments from the minister drew criticism.', false],
    ['The bridge opened in 1932 of all years.', false],
    ['Materiał chroniony prawem autorskim - wszelkie prawa zastrzeżone.', true],
    ['© Example Verlag. Alle Rechte vorbehalten.', true],
    ['This article is the copyrighted property of Example News.', true],
    ['© 2022, Example News. This article is the copyrighted property of Example News. Written permission must be obtained before reprint in online or print media. REPRINTING CONTENT WITHOUT PERMISSION AND/OR PAYMENT IS THEFT AND PUNISHABLE BY LAW.', true],
    ['Written permission must be obtained before reprint in online or print media.', true],
    ['Warning: Creating default object from empty value in /www/htdocs/wp-includes/classes.php on line 407', true],
    ['Warning: the river may flood on line 4 of the old town map, officials said.', false],
    ['This entry was posted in General. Bookmark the permalink.', true],
    ['Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht und wurde unter Allgemein abgelegt.', true],
    ['Erstellt am Dienstag 6. Mai 2014 um 23:30 und abgelegt unter Linux, Tutorials.', true],
    ['Kategorie: News', true],
    ['Permalien https://p.example/p/RPYx', true],
    ['(Noch keine Bewertungen)', true],
    ['Hier geht es zur neuen Vorstandsstruktur', true],
    ['Alles über nachhaltige Wanderschuhe findest Du hier.', true],
    ['Dieses Skript als PDF herunterladen', true],
    ['Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht und wurde unter Allgemein, Region Halle - Leipzig, Tastings, Whisky-Verkostungen abgelegt. Du kannst allen Antworten zu diesem Beitrag durch den RSS 2.0 Feed folgen.', true],
    ['Die Polizei findet sie hier nicht, sagte der Sprecher am Montag über die vermissten Akten des Amtes.', false],
    ['Help us continue to spread the magic of words to readers everywhere', true],
    ['¡Mira lo que tiene nuestro canal de YouTube!', true],
    ['Example News is not responsible for the opinions expressed in the comments below.', true],
    ['The agency is not responsible for the delays, the minister said on Monday after the hearing.', false],
    ['Bild anzeigen Bild schließen', true],
    ['Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND-4.0-DE. Die Fotos dürfen nicht verwendet werden.', true],
    ['Dieser Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der Redaktion.', true],
    ['Der Text des Gesetzes steht seit Montag zur Abstimmung, die Lizenz für den Sender wurde verlängert.', false],
    ['This post contains references to products from one or more of our advertisers. We may receive compensation when you click on links to those products.', true],
    ['Editorial Note: Opinions expressed here are the author’s alone, not those of any bank or airline.', true],
    ['Der Beitrag wurde von vielen Lesern kommentiert, die die Entscheidung des Rates kritisierten.', false],
    ['Was this article helpful?', true],
    ['Möchten Sie den Artikel teilen?', true],
    ['For the latest stories download the Example News apps for iOS and Android.', true],
    ['You can keep up with me on Twitter: @example', true],
    ['ANZEIGE - Heute mal ausgehen? Wie wäre es mit:', true],
    ['The ministry will publish the figures without delay, the spokesman said.', false],
    ['Farmers get the app to track rainfall, which the ministry built for Android phones last year.', false],
    ['Sie müssen sich einloggen, um sich an einer Diskussion beteiligen zu können.', true],
    ['You must be logged in to post a comment.', true],
    ['Um den Tipp "Tomaten schneiden" kommentieren zu können, müssen Sie eingeloggt sein.', true],
    ['Sie sind aktuell nicht eingeloggt.', true],
    ['Um einen Kommentar zu hinterlassen, loggen Sie sich bitte ein.', true],
    ['Members must log in before the vote, the chair said, and comments will be read aloud.', false],
    ['3 Kommentare', true],
    ['Verraten Sie gerne in den Kommentaren: Was bedeutet der Preis für Sie?', true],
    ['The senator logged in to the hearing remotely and declined to comment on the vote.', false],
    ['Never miss the latest news by signing up to our newsletter today!', true],
    ['Keine Neuigkeiten mehr verpassen: Abonnieren Sie kostenlos die Example-Newsletter und bleiben Sie auf dem Laufenden.', true],
    ['Abonnez-vous à notre newsletter pour recevoir nos articles.', true],
    ['Do you want to be informed of our actions? Sign up here', true],
    ['If you enjoyed reading this post – would you consider supporting our work? Just click here.', true],
    ['We want to hear what you think about this article. Submit a letter to the editor.', true],
    ['Tú también puedes hacer periodismo incómodo. Cancela cuando quieras.', true],
    ['The union asked members to consider the offer, which the board said it would support.', false],
    ['▶ 한빛일보 바로가기', true],
    ['네이버에서 한빛일보를 구독하세요!', true],
    ['카카오톡 채널 추가', true],
    ['가 가', true],
    ['글자 크기 설정', true],
    ['댓글 12', true],
    ['공유하기', true],
    ['시는 주민들이 앱 설치 없이도 버스 도착 시간을 확인할 수 있도록 서비스를 바꿨다고 밝혔다.', false],
    ['구독자 수가 크게 늘었다고 회사 측은 설명했다.', false],
    ['가격이 오르자 소비자들이 지갑을 닫았다.', false],
    ['#우유,#인류,#고인류학', true],
    ['#1, the mayor said, was the budget.', false],
    ['skimming scheme seized cash and cards.jpg', true],
    ['IMG_0412.JPG', true],
    ['The agency posted the photo as cards.jpg on its site.', false],
    ['i.example.net/abc123.jpg', false],
  ];
  for (const [value, expected] of cases) {
    it(`should judge ${JSON.stringify(value)}`, () => assert.equal(isBoilerplate(value), expected));
  }
});

describe('cleanBody', () => {
  /** The paragraphs' text left after cleaning a body fragment. */
  function cleaned(html: string): string[] {
    const document = parseHtmlDocument(`<!doctype html><html><body><div id="c">${html}</div></body></html>`);
    const content = document.getElementById('c') as unknown as Element;
    cleanBody(content);
    return Array.from(content.querySelectorAll('p, li, h2, h3')).map((e) => (e.textContent ?? '').trim());
  }
  it('should keep the space an empty inline element holds between two words', () => {
    assert.deepEqual(cleaned('<p><span>The film<i> </i></span><span>strains under it.</span></p>'), ['The film strains under it.']);
    assert.deepEqual(cleaned('<p>located<span>\n</span>near the border, costs<b>&nbsp;</b>$35, ends<em></em>here.</p>'), ['located near the border, costs $35, endshere.']);
  });
  it('should leave words of a sentence set in an inline element, whatever they say', () => {
    const lines = [
      'Prospective features are not known, but a <a href="/r">previous report</a> from <em>Bloomberg</em> has suggested new iPad capabilities.',
      'In the wake of that outbreak, China improved its detection, writes the <a href="/ap">Associated Press</a>.',
      '(<a href="/r">Reuters</a>) — The attorney general is investigating the company.',
      'Another developer, unable to parse her words, needs <em>more</em> explanation:',
      '<span>2/3</span> cup creamy peanut butter',
      'We provide training data. <b>Follow us</b> to stay up to date on industry trends.',
    ];
    for (const line of lines) assert.deepEqual(cleaned(`<p>${line}</p>`), [line.replace(/<[^>]+>/g, '')], line);
    // A label opening a line, a widget's words standing alone and a credit set inline in a caption's line still go.
    assert.deepEqual(cleaned('<p><span>Share</span></p><p>The story ends here.</p>'), ['The story ends here.']);
    assert.deepEqual(cleaned('<p>The minister joins the campaign #WeRemember <span>© Bundesrat | Jane Roe</span> High-resolution image</p>').map((l) => l.replace(/\s+/g, ' ')), ['The minister joins the campaign #WeRemember High-resolution image']);
  });
  it('should drop a "You may also like" heading with the list of links after it', () => {
    const value = cleaned('<p>The story ends here.</p><h3>You may also like...</h3><ul><li><a href="/a">Another story</a></li><li><a href="/b">A third story</a></li></ul>');
    assert.deepEqual(value, ['The story ends here.']);
  });
  it('should drop a more-stories heading set between markers, with the links after it', () => {
    assert.deepEqual(cleaned('<p>기사 본문입니다.</p><p>▶관련기사◀</p><p><a href="/1">서울시 예산 논란</a></p><p><a href="/2">시의회 본회의 개최</a></p>'), ['기사 본문입니다.']);
    assert.deepEqual(cleaned('<p>기사 본문입니다.</p><h3>【함께 보면 좋은 기사】</h3><ul><li><a href="/1">서울시 예산 논란</a></li></ul>'), ['기사 본문입니다.']);
  });
  it("should drop a video box's heading and teaser, and only a video's", () => {
    const box = (heading: string) => `<p>The story goes on.</p><div class="article-video-wrapper"><h3 class="video-headline">${heading}</h3><p>This amazing little ball can put out almost any fire:</p><div class="player"></div></div><p>And ends here.</p>`;
    assert.deepEqual(cleaned(box('Popular Video')), ['The story goes on.', 'And ends here.']);
    assert.deepEqual(cleaned(box('Featured Videos')), ['The story goes on.', 'And ends here.']);
    assert.deepEqual(cleaned(box('Popular Stories')), ['The story goes on.', 'This amazing little ball can put out almost any fire:', 'And ends here.'], 'a list heading goes alone');
    const prose = 'A teaser this long is a story of its own. '.repeat(8).trim();
    assert.deepEqual(cleaned(`<div><h3>Trending Videos</h3><p>${prose}</p></div>`), [prose], 'a box with more than a teaser keeps its text');
  });
  it('should keep a list of prose after a "Related" heading', () => {
    const value = cleaned('<p>Intro.</p><h3>Related</h3><ul><li>The council voted on Tuesday, and <a href="/x">the mayor</a> said the plan would go ahead anyway.</li></ul>');
    assert.deepEqual(value, ['Intro.', 'The council voted on Tuesday, and the mayor said the plan would go ahead anyway.']);
  });
  it('should drop gallery counters and widget labels', () => {
    const value = cleaned('<p>Image 1 of 9</p><p>Caption</p><p>Close</p><p>Real text of the story.</p>');
    assert.deepEqual(value, ['Real text of the story.']);
  });
  it('should drop a label and a link to another story set in the text, in any language', () => {
    const value = cleaned(
      '<p>The bank reported the figures on Monday.</p>' +
        '<p><b>LE PUEDE INTERESAR: <a href="https://news.example/a">La ficha del expresidente en la cárcel de Nueva York</a></b></p>' +
        '<p><em>Czytaj też:</em><br><a href="/b"><strong>Ten region zanotował najniższe bezrobocie</strong></a></p>' +
        '<p>Lesen Sie auch: <a href="/c">Der Stadtrat stimmt über den neuen Haushalt ab</a></p>' +
        '<p>ALSO READ | <a href="/d">Mayor unveils a new plan for the harbor</a></p>' +
        '<p><a href="/e">[관련기사] 시장, 항만 계획 발표</a></p>' +
        '<p>☞ <a href="/f">시장, 항만 계획 발표</a></p>' +
        '<p><a href="/g">▶ 메모리 가격 반등…D램 고정가 10% 상승</a><br><a href="/h">▶ 삼성·SK, 설비투자 확대</a></p>' +
        '<p>Debt rose by 6.6 percent.</p>',
    );
    assert.deepEqual(value, ['The bank reported the figures on Monday.', 'Debt rose by 6.6 percent.']);
  });
  it('should keep marked lines that are not all links to other stories', () => {
    const lines = ['▶ 메모리 가격 반등: D램 고정가가 10% 올랐다.', '▶ 삼성·SK는 설비투자를 늘린다.'];
    assert.deepEqual(cleaned(`<p>${lines[0]}<br><a href="/h">${lines[1]}</a></p>`), [lines.join('')]);
  });
  it('should keep labelled lines that are not pointers: credits, contacts, linked headings, prose with a link', () => {
    const kept = [
      '<p>(Artist: <a href="https://art.example/u/x">Jane Painter</a>)</p>',
      '<p>Contact: <a href="mailto:desk@news.example">the news desk at our office</a></p>',
      '<h3><a href="#ex1">Example 1: Amend a shared changeset</a></h3>',
      '<p>Review: <a href="/r">‘Madden NFL 17’: it runs hard and plays it safe</a></p>',
      '<p>The court said on Monday: <a href="/ruling">the ruling stands for now</a>, and the appeal was refused.</p>',
      '<p>☞ 자세한 내용은 <a href="/g">시 누리집</a>에서 확인할 수 있다.</p>',
    ];
    for (const html of kept) assert.equal(cleaned(html).length, 1, html);
  });
  it('should drop a "Weiterlesen" or "Leggi anche" heading with the links after it', () => {
    assert.deepEqual(cleaned('<p>Ende.</p><h2>Weiterlesen:</h2><ul><li><a href="/a">Ein Roadtrip entlang der Route 66</a></li></ul>'), ['Ende.']);
    assert.deepEqual(cleaned('<p>Fine.</p><p>Leggi anche</p><p>(<a href="/b"><em>I Cavalieri dello Zodiaco diventeranno un film</em></a>)</p>'), ['Fine.']);
  });
  it('should drop "more stories" headings in several languages with the links and datelines listed under them', () => {
    assert.deepEqual(
      cleaned('<p>Ende des Textes.</p><h3>Das könnte Sie auch interessieren!</h3><p><a href="/a">Eine Schablone für die Kreissäge</a></p><p>06. Aug 2020 // Tipps</p><p><a href="/b">Drechseln für Einsteiger</a></p><p>18. Feb 2021 // Sonstiges</p>'),
      ['Ende des Textes.'],
    );
    for (const heading of ['Lesen Sie auch die folgenden Beiträge:', 'Weitere Beiträge aus der Kolumne:', 'Mehr Themen:', 'Empfohlene Beiträge', 'Siehe auch', 'Audios et vidéos sur le sujet', 'Das könnte dich auch interessieren', 'Meistgelesene Artikel', 'DIE REDAKTION EMPFIEHLT']) {
      assert.deepEqual(cleaned(`<p>The end.</p><h3>${heading}</h3><ul><li><a href="/x">Warum Sie drei Prozesse digitalisieren sollten</a></li></ul>`), ['The end.'], heading);
    }
  });
  it('should stop at the first paragraph of prose after a "more stories" heading', () => {
    const prose = 'Der Stadtrat hat am Dienstag beschlossen, den Hafen zu erweitern, obwohl die Anwohner protestierten.';
    assert.deepEqual(cleaned(`<h3>Siehe auch</h3><p><a href="/a">Ein anderer Beitrag über den Hafen</a></p><p>${prose}</p>`), [prose]);
  });
  it('should drop credit lines labelled in German, French and Spanish', () => {
    assert.deepEqual(cleaned('<p>Die Geschichte.</p><p>Bild: Jahr Media</p><p>Crédits photos : Bestimage</p><p>Fuente: Archivo</p><p>Titelbild: Geyres Christophe/ABACA/picture-alliance</p>'), ['Die Geschichte.']);
  });
  it('should make a line with a credit right after an uncaptioned photo its caption, shown once', () => {
    const document = parseHtmlDocument('<!doctype html><html><body><div id="c"><p>The story.</p><figure><img src="/a.jpg" alt="Lee Elder at the Masters in 1975."></figure><p>Lee Elder at the Masters in 1975. | © Augusta National/Getty Images</p><p>More of the story.</p></div></body></html>');
    const content = document.getElementById('c') as unknown as Element;
    cleanBody(content);
    assert.equal(content.querySelector('figcaption')?.innerHTML, 'Lee Elder at the Masters in 1975. <cite>Augusta National/Getty Images</cite>');
    assert.equal(content.querySelector('img')?.getAttribute('alt'), '');
    assert.deepEqual(Array.from(content.querySelectorAll('p'), (p) => p.textContent), ['The story.', 'More of the story.']);
  });
  it('should make a line right after an uncaptioned photo its caption when it repeats the alt text or is classed a caption, not otherwise', () => {
    const captionOf = (html: string) => {
      const document = parseHtmlDocument(`<!doctype html><html><body><div id="c"><p>The story.</p>${html}<p>More of the story.</p></div></body></html>`);
      const content = document.getElementById('c') as unknown as Element;
      cleanBody(content);
      return [content.querySelector('figcaption')?.textContent ?? null, content.querySelector('img')?.getAttribute('alt') ?? null, Array.from(content.querySelectorAll('p'), (p) => p.textContent).join(' / ')];
    };
    assert.deepEqual(captionOf('<figure><img src="/a.jpg" alt="Buses at a depot on Monday"></figure><p>Buses at a depot on Monday</p>'), ['Buses at a depot on Monday', '', 'The story. / More of the story.']);
    assert.deepEqual(captionOf('<figure><img src="/a.jpg" alt="Buses"></figure><p class="wp-caption-text">Buses wait at a depot on Monday.</p>'), ['Buses wait at a depot on Monday.', '', 'The story. / More of the story.']);
    assert.deepEqual(captionOf('<figure><img src="/a.jpg" alt="Buses"></figure><p>Buses wait at a depot on Monday.</p>'), [null, 'Buses', 'The story. / Buses wait at a depot on Monday. / More of the story.']);
  });
  it("should drop a photo whose caption is an offer, and keep one whose caption opens with its copyright", () => {
    const document = parseHtmlDocument('<!doctype html><html><body><div id="c"><p>The story.</p><figure><img src="/a.jpg"><figcaption>© Jane Roe Divers at the reef on Monday.</figcaption></figure><p>More of the story.</p><figure><img src="/banner.png"><figcaption>Want more science? Get a subscription of our sister publication "How It Works" magazine. <cite>Future plc</cite></figcaption></figure></div></body></html>');
    const content = document.querySelector('#c') as unknown as Element;
    cleanBody(content);
    assert.deepEqual(Array.from(content.querySelectorAll('img'), (i) => i.getAttribute('src')), ['/a.jpg']);
  });
  it('should keep a paragraph after a photo that holds no credit', () => {
    assert.deepEqual(cleaned('<figure><img src="/a.jpg"></figure><p>The council met on Tuesday.</p>'), ['The council met on Tuesday.']);
  });
  it("should give the credit of the post's main photo to its one photo, wherever the post writes it", () => {
    const document = parseHtmlDocument('<!doctype html><html><body><div id="c"><figure><img src="/a.jpg"></figure><p>The story goes on for a while here.</p><p>Main image credit: Getty</p></div></body></html>');
    const content = document.querySelector('#c') as unknown as Element;
    cleanBody(content);
    assert.equal(content.querySelector('figure cite')?.textContent, 'Getty');
    assert.equal((content.textContent ?? '').includes('Main image'), false);
    // With several photos, which one is the main photo is not known: the line goes, no photo takes it.
    const two = parseHtmlDocument('<!doctype html><html><body><div id="c"><figure><img src="/a.jpg"></figure><p>The story.</p><figure><img src="/b.jpg"></figure><p>The story goes on.</p><p>Featured image: Jane Roe via Unsplash</p></div></body></html>');
    const body = two.querySelector('#c') as unknown as Element;
    cleanBody(body);
    assert.equal(body.querySelectorAll('cite').length, 0);
    assert.equal((body.textContent ?? '').includes('Featured image'), false);
  });
  it('should drop a long credit line that opens with its label', () => {
    const value = cleaned('<p>The story.</p><p>Photo: David Example, STF / Associated Press Images Desk</p><p>Image copyright Getty Images</p>');
    assert.deepEqual(value, ['The story.']);
  });
});

/** A paragraph of a story, for the steps that read the top or the end of a body. */
const PROSE = '<p>The council voted on Tuesday to extend the harbour by two berths after a long debate.</p>';

/** The text (blocks glued, spaces collapsed) of a body after one clean-up step. */
function textAfter(step: (content: Element) => void, html: string): string {
  const document = parseHtmlDocument(`<!doctype html><html><body><div id="c">${html}</div></body></html>`);
  const content = document.querySelector('#c') as unknown as Element;
  step(content);
  return (content.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('joinDropCaps', () => {
  const joined = (html: string) => {
    const doc = parseHtmlDocument(`<html><body><div id="c">${html}</div></body></html>`);
    const c = doc.querySelector('#c') as unknown as Element;
    joinDropCaps(c);
    return c.innerHTML;
  };
  it('should put a drop cap set apart from its paragraph back at its start', () => {
    assert.equal(joined('<p><span class="cap">T</span></p><p><a href="/t">urkey</a>, Poland and others.</p><p>Next.</p>'), '<p><a href="/t">Turkey</a>, Poland and others.</p><p>Next.</p>');
    assert.equal(joined('<div>W</div><p>hen the council met, it voted.</p>'), '<p>When the council met, it voted.</p>');
  });
  it('should leave a letter that is not the start of the next word', () => {
    for (const html of ['<p>A</p><p>Bigger things came next.</p>', '<p>a</p><p>b is the next item.</p>', '<p>TV</p><p>shows ran late.</p>', '<p>T</p>', '<p>T</p><figure><img src="x.jpg"></figure>']) assert.equal(joined(html), html);
  });
});

describe('removeLeadingNav', () => {
  const run = (html: string) => textAfter(removeLeadingNav, html);
  it('should remove a section path or skip link above the story', () => {
    assert.equal(run(`<p><a href="/s">사회</a> <a href="/s/e">환경</a></p>${PROSE}`), 'The council voted on Tuesday to extend the harbour by two berths after a long debate.');
    assert.equal(run(`<div><a href="#main">Skip to content</a></div>${PROSE}`).startsWith('The council'), true);
    assert.equal(run(`<h2><a href="/fashion/">Fashion</a></h2>${PROSE}`).startsWith('The council'), true);
    // The section's name the page marks as such, not linked.
    assert.equal(run(`<h3 itemprop="articleSection">Sister Act</h3>${PROSE}`).startsWith('The council'), true);
    assert.equal(run(`<h3>Sister Act</h3>${PROSE}`).startsWith('Sister Act'), true);
    assert.match(run(`<h2><a href="/report">Harbour report: the berths in numbers</a></h2>${PROSE}`), /^Harbour report/);
    // A section's name joined to the headline by a dash ("Tech —" over "The connected renter").
    for (const kicker of ['Tech —', 'Biz &amp; IT —', 'Gaming &amp; Culture –']) assert.equal(run(`<h4 class="post-upperdek">\n  ${kicker}\n</h4>${PROSE}`).startsWith('The council'), true, kicker);
    assert.match(run(`<p>Tech —</p>${PROSE}`), /^Tech —/);
    assert.match(run(`<h4>Tech — and what it costs us</h4>${PROSE}`), /^Tech — and/);
  });
  it("should remove a widget's counter or an empty byline label above the story", () => {
    for (const line of ['EXCLUSIVE', 'Breaking News', '단독', '4', '3.409', 'Views: 184', 'Visto 314 veces', '1.234 mal gelesen', 'By', 'Posted on by Admin', 'by on December 4, 2006', 'ca. 8 Min.', 'Social Share', 'Opinion Columnist', '17m']) assert.equal(run(`<p>${line}</p>${PROSE}`).startsWith('The council'), true, line);
    assert.match(run(`<p>Posted by Konstantin</p>${PROSE}`), /^Posted by Konstantin/);
    // A byline's label left with its date once the name went as the byline, and a kicker in capitals over it.
    assert.equal(run(`<p>By Friday, Jan 13, 2017 at 4:45 pm EST</p>${PROSE}`).startsWith('The council'), true);
    assert.equal(run(`<p><span>HELLO NEW MOTO</span></p><p>By Friday, Jan 13, 2017 at 4:45 pm EST</p>${PROSE}`).startsWith('The council'), true);
    assert.match(run(`<p>HELLO NEW MOTO</p>${PROSE}`), /^HELLO NEW MOTO/);
    assert.match(run(`<p>By the time the vote came, few were left</p>${PROSE}`), /^By the time/);
    assert.match(run(`<ul><li>4</li></ul>${PROSE}`), /^4 ?The council/);
    // A counter in a byline's row of items, beside the date.
    assert.equal(run(`<ul><li>Dec. 29, 2014, 5:39 PM</li><li>2,127</li></ul>${PROSE}`).includes('2,127'), false);
    assert.match(run(`<p>4 killed in crash</p>${PROSE}`), /^4 killed/);
    assert.match(run(`<p>Exclusive interview with the mayor</p>${PROSE}`), /^Exclusive interview/);
    assert.match(run(`<p>57:33</p>${PROSE}`), /^57:33/);
  });
  it('should keep a table of contents, a linked line with words outside its links, a long linked line and anything after the first prose', () => {
    const toc = '<ul><li><a href="#a">Setting up</a></li><li><a href="#b">Example 1</a></li></ul>';
    assert.match(run(`${toc}${PROSE}`), /^Setting up/);
    assert.match(run(`<p>Filed under <a href="/s">Politics</a></p>${PROSE}`), /^Filed under Politics/);
    assert.match(run(`<p><a href="/s">A linked line that runs on for more than forty characters</a></p>${PROSE}`), /^A linked line/);
    assert.match(run(`${PROSE}<p><a href="/next">Next story</a></p>`), /Next story$/);
  });
});

describe('removeTitleRepeats', () => {
  it('should drop the headline repeated at the top of the body', () => {
    const document = parseHtmlDocument('<!doctype html><html><body><div id="c"><h2>New car sales plunge 10 percent in October</h2><p>Sales fell again.</p></div></body></html>');
    const content = document.getElementById('c') as unknown as Element;
    removeTitleRepeats(content, 'New car sales plunge 10 percent in October');
    assert.equal((content.textContent ?? '').trim(), 'Sales fell again.');
  });
  it('should drop a short Korean headline repeated at the top of the body, and keep a shorter line', () => {
    const document = parseHtmlDocument('<!doctype html><html><body><div id="c"><h2>방파제 예산 통과</h2><p>서울시는 예산을 승인했다.</p></div></body></html>');
    const content = document.getElementById('c') as unknown as Element;
    removeTitleRepeats(content, '방파제 예산 통과');
    assert.equal((content.textContent ?? '').trim(), '서울시는 예산을 승인했다.');
    const short = parseHtmlDocument('<!doctype html><html><body><div id="c"><h2>속보</h2><p>서울시는 예산을 승인했다.</p></div></body></html>');
    const shortContent = short.getElementById('c') as unknown as Element;
    removeTitleRepeats(shortContent, '속보');
    assert.equal((shortContent.textContent ?? '').trim(), '속보서울시는 예산을 승인했다.');
  });
  it('should keep the headline where a sentence of the body names it, and drop it beside a kicker', () => {
    const run = (html: string) => {
      const content = parseHtmlDocument(`<!doctype html><html><body><div id="c">${html}</div></body></html>`).getElementById('c') as unknown as Element;
      removeTitleRepeats(content, 'Hermitian matrix');
      return (content.textContent ?? '').replace(/\s+/g, ' ').trim();
    };
    assert.equal(run('<p>In mathematics, a <b>Hermitian matrix</b> is a complex square matrix that is equal to its own conjugate transpose.</p>'), 'In mathematics, a Hermitian matrix is a complex square matrix that is equal to its own conjugate transpose.');
    assert.equal(run('<p>A <b>Hermitian matrix</b> is self-adjoint.</p> <p>More.</p>'), 'A Hermitian matrix is self-adjoint. More.');
    assert.equal(run('<h2><span>Explainer</span> <span>Hermitian matrix</span></h2><p>A matrix equal to its conjugate transpose.</p>'), 'Explainer A matrix equal to its conjugate transpose.');
  });
});

describe('removePaywallPrompts', () => {
  function run(html: string): { found: boolean; left: string[] } {
    const document = parseHtmlDocument(`<!doctype html><html><body><div id="c">${html}</div></body></html>`);
    const content = document.getElementById('c') as unknown as Element;
    const found = removePaywallPrompts(content);
    return { found, left: Array.from(content.querySelectorAll('p')).map((e) => (e.textContent ?? '').trim()) };
  }
  const story = '<p>The harbour board voted on Monday.</p><p>Operators objected.</p>';
  it('should remove the prompt and the short lines of its box after it', () => {
    assert.deepEqual(run(`${story}<p>To view the full story, please subscribe to The Example Times.</p><p>Choose a $60 annual plan or a $5 weekly pass.</p><p>Already a subscriber? Log in.</p>`), { found: true, left: ['The harbour board voted on Monday.', 'Operators objected.'] });
  });
  it('should remove only the prompt when story text follows it', () => {
    const long = `<p>${'The board will meet again in May to set the fees for the summer season and hear the operators. '.repeat(4)}</p>`;
    const { found, left } = run(`${story}<p>Subscribe to continue reading.</p>${long}`);
    assert.equal(found, true);
    assert.equal(left.length, 3);
    assert.ok(!left.some((l) => l.startsWith('Subscribe')));
  });
  it("should remove the box's lines above the prompt, and never the story's", () => {
    const box = '<div class="overlay"><p>It is great to see that you are enjoying the Example website.</p><div><p>You have now reached your allowance of 3 free articles in the last 30 days.</p></div></div>';
    assert.deepEqual(run(`<div>${story}</div>${box}`).left, ['The harbour board voted on Monday.', 'Operators objected.']);
    // Short paragraphs of a story in one wrapper with the prompt stay.
    assert.deepEqual(run(`<div>${story}<p>You have now reached your allowance of 3 free articles in the last 30 days.</p></div>`).left, ['The harbour board voted on Monday.', 'Operators objected.']);
  });
  it('should leave a body without a prompt alone', () => {
    assert.deepEqual(run(story), { found: false, left: ['The harbour board voted on Monday.', 'Operators objected.'] });
  });
});

describe('removeEndSections', () => {
  function run(html: string): string[] {
    const document = parseHtmlDocument(`<!doctype html><html><body><div id="c">${html}</div></body></html>`);
    const content = document.getElementById('c') as unknown as Element;
    removeEndSections(content);
    return Array.from(content.querySelectorAll('p, h3')).map((e) => (e.textContent ?? '').trim());
  }
  const story = '<p>Das Institut stellte am Montag seine Studie zum Klimasystem vor.</p><p>Die Ergebnisse sollen im Herbst veröffentlicht werden.</p>';
  it("should drop an appeal for readers' support closing the story, not a story that runs on after such words", () => {
    const appeal = '<p><strong>Apoya el periodismo incómodo</strong></p><p>Si te parece valioso nuestro trabajo, apóyanos para seguir. Únete a nuestra comunidad de lectores con una membresía mensual o anual.<br><br>Cancela cuando quieras.</p><p>Te necesitamos para seguir.</p>';
    assert.deepEqual(run(`${story}${appeal}`), ['Das Institut stellte am Montag seine Studie zum Klimasystem vor.', 'Die Ergebnisse sollen im Herbst veröffentlicht werden.']);
    assert.deepEqual(run(`${story}<h3>Support independent journalism</h3><p>Become a member today.</p>`).length, 2);
    const long = `<p>${'Die Stiftung will die Redaktion drei Jahre lang fördern und ihre Arbeit an Recherchen zum Klimasystem ausbauen. '.repeat(10)}</p>`;
    assert.equal(run(`${story}<h3>Support our journalism</h3>${long}`).length, 4, 'more than an appeal: the story');
    assert.equal(run(`<h3>Support our journalism</h3>${story}`).length, 3, 'not the story opening');
  });
  it('should drop a closing contacts section and a source line', () => {
    assert.deepEqual(run(`${story}<h3>Kontakt:</h3><p>Dr. Erika Muster</p><p>Tel.: 040 123456</p><p>erika.muster@institut.example</p>`), ['Das Institut stellte am Montag seine Studie zum Klimasystem vor.', 'Die Ergebnisse sollen im Herbst veröffentlicht werden.']);
    assert.deepEqual(run(`${story}<p>Quelle: Deutscher Jagdverband, 2. Februar 2022</p>`).length, 2);
  });
  it("should drop a closing section about the author", () => {
    assert.deepEqual(run(`${story}<h2>About the Author</h2><p>Erika Muster is an assistant editor who covers science news.</p><p>All Posts</p>`).length, 2);
    // Not a bold lead-in that opens the section's paragraph.
    assert.deepEqual(run(`${story}<p><b>Über den Autor</b>: Ich schreibe die Texte auf diesem Blog selbst.</p>`).length, 3);
  });
  it('should keep a labelled section that holds prose', () => {
    const prose = `<p>${'Die Forscher erklären, wie sich die Modelle des Klimasystems verbessern lassen und welche Daten dafür noch fehlen. '.repeat(3)}</p>`;
    assert.equal(run(`${story}<h3>Weitere Informationen</h3>${prose}`).length, 4);
  });
});

describe('removeTrailingFurniture', () => {
  const run = (html: string) => textAfter(removeTrailingFurniture, html);
  const story = 'The council voted on Tuesday to extend the harbour by two berths after a long debate.';
  it('should remove what widgets leave at the end of the body', () => {
    assert.equal(run(`${PROSE}<h4>Subscribe</h4><ul><li><a href="/l">Latest</a></li><li><a href="/p">Popular</a></li></ul><p>Loading content ...</p>`), story);
    assert.equal(run(`${PROSE}<a href="#">Comments</a>`), story);
    assert.equal(run(`${PROSE}<p>Tags: harbour, council</p><p>ATENÇÃO: Comentários com textos ininteligíveis ou que faltem com respeito ao usuário não serão aprovados pelo moderador.</p>`), story);
    for (const line of ['LEARN MORE', 'Read 1,204 times', 'Loading Photo Gallery', 'Loading video…', 'Post Views: 111', 'Tags: Harbour, Council', 'Filed under: Politics |', 'See more photos:', 'Rating: 6.0/6 (1 vote cast)', '구독자 1,234', '조회수 12,345회', 'Followers: 2,048']) {
      assert.equal(run(`${PROSE}<p>${line}</p>`), story, line);
    }
    assert.equal(run(`${PROSE}<h2>Featured</h2>`), story);
    assert.equal(run(`${PROSE}<p><strong>Tags<br><a href="/t/a">harbour</a>, <a href="/t/b">council</a>, <a href="/t/c">berths</a></strong></p>`), story);
    assert.match(run(`${PROSE}<p>Tags were attached to the birds by <a href="/p">the ringing team</a>.</p>`), /ringing team\.$/);
    assert.equal(run(`${PROSE}<h3><a href="/other">Ferry service to return in spring as the council</a></h3>`), story);
  });
  it('should remove the headlines of other posts of the site linked alone at the end', () => {
    const page = 'https://news.example.com/2025/11/harbour-berths';
    const runAt = (html: string) => textAfter((c) => removeTrailingFurniture(c, page), html);
    assert.equal(runAt(`${PROSE}<p><a href="/2025/11/ferry-returns">Ferry service to return in spring</a></p><p><a href="https://news.example.com/2025/10/bridge">Engineers find cracks in the old bridge</a></p>`), story);
    // Not a link to another site, a sentence that ends in a full stop, a link to this page, nor without the page's address.
    for (const last of ['<a href="https://gov.example/report">The commission’s full report on the berths</a>', '<a href="/2025/11/ferry">The ferry returns in spring, the council said.</a>', `<a href="${page}">Harbour to get two new berths</a>`]) {
      assert.notEqual(runAt(`${PROSE}<p>${last}</p>`), story, last);
    }
    assert.notEqual(run(`${PROSE}<p><a href="/2025/11/ferry-returns">Ferry service to return in spring</a></p>`), story);
  });
  it("should remove a run of headlines linked to one other site at the end (a portal's copy of a story, the outlet's teasers under it)", () => {
    const page = 'https://sports.portal.example/news?oid=477&aid=73768';
    const runAt = (html: string) => textAfter((c) => removeTrailingFurniture(c, page), html);
    const teaser = (n: number, title: string) => `<p><a href="http://outlet.example/?mod=news&amp;idxno=${n}"><strong>${title}</strong></a></p>`;
    assert.equal(runAt(`${PROSE}${teaser(1, "[EPL] 36R 프리뷰 - 첼시, 우승까지 '-1'")}${teaser(2, '[UCL] 호날두 인터뷰 "반드시 우승을 차지하고 싶다"')}`), story);
    // One alone may be the story's source; two to different sites are no run.
    assert.notEqual(runAt(`${PROSE}${teaser(1, "[EPL] 36R 프리뷰 - 첼시, 우승까지 '-1'")}`), story);
    assert.notEqual(runAt(`${PROSE}${teaser(1, "[EPL] 36R 프리뷰 - 첼시, 우승까지 '-1'")}<p><a href="https://gov.example/report">The commission’s full report on the berths</a></p>`), story);
  });
  it("should remove a wire's end mark, on a line of its own or after a break in the last line", () => {
    for (const mark of ['(END)', '(끝)', '-30-', '###', '- Ende -', '[끝]', '___', '* * *'.replace(/ /g, '')]) assert.equal(run(`${PROSE}<p>${mark}</p>`), story, mark);
    const html = run(`${PROSE}<p>kokobj@example.kr<br>(END)</p>`);
    assert.equal(html, `${story}kokobj@example.kr`);
    // Not a mark inside a sentence, nor a line that only ends in one.
    assert.match(run(`${PROSE}<p>The film ends with the words (END) on a black screen.</p>`), /black screen\.$/);
    assert.match(run(`${PROSE}<p>Votes: 12 for, 3 against (end)</p>`), /\(end\)$/);
  });
  it('should keep the last line of the story, and a heading or label followed by a photo or a table', () => {
    assert.equal(run(`${PROSE}<p>Share prices rose.</p>`), `${story}Share prices rose.`);
    assert.equal(run(`${PROSE}<p>The site said its comments are moderated by volunteers and that it will hire three more.</p>`).endsWith('three more.'), true);
    assert.equal(run(`${PROSE}<p>He said: “We will build it.”</p>`), `${story}He said: “We will build it.”`);
    assert.equal(run(`${PROSE}<h4>Engineers found cracks in two of the piers of the old bridge</h4>`), `${story}Engineers found cracks in two of the piers of the old bridge`);
    assert.equal(run(`${PROSE}<h2>The new berths</h2><figure><img src="/b.jpg"></figure>`), `${story}The new berths`);
    assert.equal(run(`${PROSE}<p>Votes by party:</p><table><tr><td>Yes</td><td>12</td></tr></table>`), `${story}Votes by party:Yes12`);
  });
});
