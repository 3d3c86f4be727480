// What a correct extractor makes of each fixture article, so pipeline, extract and end-to-end
// tests can assert against one list instead of copying values. Paths are site-relative: prefix
// them with FixtureSite.url. Dates are ISO 8601 UTC as Date#toISOString prints them.
import type { Author } from '../core/records.ts';

/** An expected photo of an article body. */
export interface ExpectedDemoImage {
  /** Site-relative path of the real image (not a lazy-load placeholder). */
  readonly path: string;
  readonly caption: string;
  /** Without its label ("Photo: ", "사진="). */
  readonly credit: string;
}

/** One fixture article: how it is served and what extraction should give. */
export interface ExpectedDemoArticle {
  readonly publisher: 'harbor' | 'hanbit';
  /** Canonical path (the feed links add tracking parameters). */
  readonly path: string;
  /** Encoding of the bytes on the wire, and where the page declares it. */
  readonly charset: 'utf-8' | 'euc-kr';
  readonly charsetDeclaredIn: 'header+meta' | 'meta';
  readonly title: string;
  readonly deck: readonly string[];
  readonly authors: readonly Author[];
  readonly publishedAt: string;
  readonly modifiedAt: string;
  readonly siteName: string;
  /** Primary language subtag; the page's `lang` attribute may carry a region ("en-US"). */
  readonly lang: string;
  /** og:description. */
  readonly excerpt: string;
  /** Body photos in document order; the first is the lead image. */
  readonly images: readonly ExpectedDemoImage[];
  readonly firstParagraph: string;
  readonly lastParagraph: string;
  /** Page furniture that must not end up in `text` (ads, lists, widgets, footer). */
  readonly textExcludes: readonly string[];
}

const HARBOR_EXCLUDES = ['Advertisement', 'Most read', 'Related articles', 'Post comment', 'The Morning Tide', 'Reader poll', 'All rights reserved', 'Subscribe'];
const HANBIT_EXCLUDES = ['광고', '많이 본 뉴스', '관련기사', '댓글', '뉴스레터', '투표하기', '무단전재', '로그인', '인쇄'];

/** Every article of the fixture site with its expected extraction, newest first per publisher. */
export const expectedDemoArticles: readonly ExpectedDemoArticle[] = [
  {
    publisher: 'harbor',
    path: '/harbor/news/2026/11/25/fishermens-market-reopens',
    charset: 'utf-8',
    charsetDeclaredIn: 'header+meta',
    title: 'Fishermen’s Market Reopens After Two-Year Renovation',
    deck: ['Forty-two stalls, a new ice plant and a roof that no longer leaks: the 1931 market hall is open again'],
    authors: [{ name: 'Tom Alvarez', email: 'tom.alvarez@harborgazette.example', outlet: 'Harbor Gazette' }],
    publishedAt: '2026-11-25T15:05:00.000Z',
    modifiedAt: '2026-11-25T16:20:00.000Z',
    siteName: 'The Harbor Gazette',
    lang: 'en',
    excerpt: 'Forty-two stalls, a new ice plant and a roof that no longer leaks: the 1931 market hall is open again.',
    images: [
      { path: '/harbor/photos/market-hall.png', caption: 'Shoppers fill the renovated market hall on Wharf Street on Wednesday.', credit: 'Harbor Gazette/Jane Roe' },
      { path: '/harbor/photos/market-ice-plant.png', caption: 'The new ice plant on the market’s lower level can make 12 tons of ice a day.', credit: 'Harbor City Port Authority' },
    ],
    firstParagraph: 'The Fishermen’s Market on Wharf Street reopened on Wednesday morning after a two-year, $14.5 million renovation, and by 9 a.m. the line for the oyster counter ran out the door.',
    lastParagraph: 'The market will be open from 7 a.m. to 6 p.m. Tuesday through Sunday. A farmers’ market will use the north hall on Saturdays starting in January.',
    textExcludes: [...HARBOR_EXCLUDES, 'Will you shop at the new market?'],
  },
  {
    publisher: 'harbor',
    path: '/harbor/news/2026/11/25/state-awards-seawall-funding',
    charset: 'utf-8',
    charsetDeclaredIn: 'header+meta',
    title: 'State Awards $48 Million to Rebuild the Eastside Seawall',
    deck: ['The grant covers most of the cost of raising 1.2 miles of wall by 3 feet before the 2028 storm season'],
    authors: [
      { name: 'Marcus Webb', email: 'marcus.webb@harborgazette.example', outlet: 'Harbor Gazette' },
      { name: 'Priya Nair', email: 'priya.nair@harborgazette.example', outlet: 'Harbor Gazette' },
    ],
    publishedAt: '2026-11-25T13:30:00.000Z',
    modifiedAt: '2026-11-25T13:30:00.000Z',
    siteName: 'The Harbor Gazette',
    lang: 'en',
    excerpt: 'The grant covers most of the cost of raising 1.2 miles of wall by 3 feet before the 2028 storm season.',
    images: [
      { path: '/harbor/photos/eastside-seawall.png', caption: 'Waves break over the Eastside seawall during the October nor’easter.', credit: 'Harbor Gazette/Sam Lee' },
    ],
    firstParagraph: 'The state will give Harbor City $48 million to rebuild the Eastside seawall, the governor’s office announced Tuesday, ending a four-year search for money to protect a neighborhood that has flooded nine times since 2018.',
    lastParagraph: 'The October nor’easter pushed water 2.4 feet over the top of the existing wall, flooding 230 homes and closing the Eastside elementary school for six days.',
    textExcludes: [...HARBOR_EXCLUDES, 'Has your street flooded'],
  },
  {
    publisher: 'harbor',
    path: '/harbor/news/2026/11/24/council-freezes-ferry-fares',
    charset: 'utf-8',
    charsetDeclaredIn: 'header+meta',
    title: 'City Council Freezes Ferry Fares Through 2028 as Ridership Climbs',
    deck: ['The 7-2 vote keeps a single crossing at $3.25 while the port authority studies an all-electric fleet'],
    authors: [{ name: 'Jane Doe', email: 'jane.doe@harborgazette.example', outlet: 'Harbor Gazette' }],
    publishedAt: '2026-11-24T11:45:00.000Z',
    modifiedAt: '2026-11-24T14:10:00.000Z',
    siteName: 'The Harbor Gazette',
    lang: 'en',
    excerpt: 'The 7-2 vote keeps a single crossing at $3.25 while the port authority studies an all-electric fleet.',
    images: [
      { path: '/harbor/photos/ferry-pier-4.png', caption: 'Commuters board the 7:15 a.m. ferry at Pier 4 on Monday.', credit: 'Harbor Gazette/Jane Roe' },
      { path: '/harbor/photos/council-vote.png', caption: 'Council Member Dana Ortiz speaks before Monday’s vote at City Hall.', credit: 'Harbor Gazette/Sam Lee' },
    ],
    firstParagraph: 'The Harbor City Council voted 7-2 on Monday night to freeze ferry fares at $3.25 a crossing until the end of 2028, rejecting a proposal from the port authority to raise them to $3.75 next spring.',
    lastParagraph: 'The freeze takes effect Jan. 1. The port authority board meets on Dec. 9 to adjust its 2027 budget.',
    textExcludes: [...HARBOR_EXCLUDES, 'Should the fare freeze be extended', 'Skip to content', 'Share on Facebook', 'Report a correction'],
  },
  {
    publisher: 'hanbit',
    path: '/hanbit/article/202611260815',
    charset: 'utf-8',
    charsetDeclaredIn: 'header+meta',
    title: '서울 아파트 전세가율 6개월째 하락…세입자 부담은 여전',
    deck: ['매매가격 상승 속도가 전셋값 앞질러…10월 전세가율 52.1%'],
    authors: [{ name: '최민수', email: 'minsu@hanbit.example', outlet: '한빛경제' }],
    publishedAt: '2026-11-25T23:15:00.000Z',
    modifiedAt: '2026-11-25T23:20:00.000Z',
    siteName: '한빛경제',
    lang: 'ko',
    excerpt: '서울 아파트 전세가율이 52.1%로 6개월 연속 떨어졌다. 매매가격이 전셋값보다 빠르게 오른 영향이다.',
    images: [
      { path: '/hanbit/photos/202611/apartments.png', caption: '서울 남산에서 내려다본 아파트 단지.', credit: '한빛경제 DB' },
      { path: '/hanbit/photos/202611/jeonse-office.png', caption: '서울 송파구의 한 공인중개사무소 앞에 전세 매물 안내문이 붙어 있다.', credit: '최민수 기자' },
    ],
    firstParagraph: '서울 아파트의 매매가격 대비 전세가격 비율(전세가율)이 6개월 연속 떨어졌다.',
    lastParagraph: '윤지영 한빛부동산연구소 연구위원은 "신규 입주 물량이 내년 상반기까지 적어 전셋값 상승 압력은 계속될 것"이라고 내다봤다.',
    textExcludes: [...HANBIT_EXCLUDES, '내년 서울 전셋값, 어떻게 될까요?', '링크 복사'],
  },
  {
    publisher: 'hanbit',
    path: '/hanbit/article/202611251402',
    charset: 'euc-kr',
    charsetDeclaredIn: 'meta',
    title: '반도체 수출 11월 들어 18% 증가…AI 서버용 메모리가 견인',
    deck: ['1~20일 반도체 수출 98억달러…전년 대비 18.3% 늘어', '전체 수출은 2.1% 감소…자동차·석유제품 부진'],
    authors: [
      { name: '박준호', email: 'jhpark@hanbit.example', outlet: '한빛경제' },
      { name: '이서연', email: 'sylee@hanbit.example', outlet: '한빛경제' },
    ],
    publishedAt: '2026-11-25T05:02:00.000Z',
    modifiedAt: '2026-11-25T05:40:00.000Z',
    siteName: '한빛경제',
    lang: 'ko',
    excerpt: '이달 1~20일 반도체 수출액이 98억달러로 지난해 같은 기간보다 18.3% 늘었다.',
    images: [{ path: '/hanbit/photos/202611/chip-exports.png', caption: '부산항 신선대부두에 수출용 컨테이너가 쌓여 있다.', credit: '한빛경제 DB' }],
    firstParagraph: '관세청은 이달 1일부터 20일까지 반도체 수출액이 98억달러로 지난해 같은 기간보다 18.3% 늘었다고 25일 밝혔다.',
    lastParagraph: '다만 미국의 반도체 관세 논의는 변수로 남아 있다. 오승연 한빛대 경제학과 교수는 "수출 품목이 반도체에 지나치게 쏠려 있어 업황이 꺾이면 전체 수출이 한꺼번에 흔들릴 수 있다"고 지적했다.',
    textExcludes: [...HANBIT_EXCLUDES, '반도체 호황, 내년에도 이어질까요?'],
  },
  {
    publisher: 'hanbit',
    path: '/hanbit/article/202611240931',
    charset: 'euc-kr',
    charsetDeclaredIn: 'header+meta',
    title: '한국은행, 기준금리 연 2.50% 동결…"환율·집값 더 지켜봐야"',
    deck: ['금통위원 6명 중 5명 동결 찬성…1명은 0.25%p 인하 소수의견', '내년 성장률 전망 1.8%로 0.1%p 하향'],
    authors: [{ name: '김하늘', email: 'sky@hanbit.example', outlet: '한빛경제' }],
    publishedAt: '2026-11-24T00:31:00.000Z',
    modifiedAt: '2026-11-24T01:05:00.000Z',
    siteName: '한빛경제',
    lang: 'ko',
    excerpt: '한국은행 금융통화위원회가 24일 기준금리를 연 2.50%로 동결했다. 금통위원 6명 중 5명이 동결에 찬성했다.',
    images: [
      { path: '/hanbit/photos/202611/bok-building.png', caption: '서울 중구 한국은행 본관.', credit: '한빛경제 DB' },
      { path: '/hanbit/photos/202611/mpc-meeting.png', caption: '24일 서울 중구 한국은행에서 열린 금융통화위원회 회의에서 위원들이 자리에 앉아 있다.', credit: '공동취재단' },
    ],
    firstParagraph: '한국은행 금융통화위원회가 24일 기준금리를 연 2.50%로 동결했다. 지난 7월 이후 네 차례 연속 동결이다.',
    lastParagraph: '다음 금통위 회의는 내년 1월 15일 열린다.',
    textExcludes: [...HANBIT_EXCLUDES, '기준금리 인하, 언제가 적절하다고 보십니까?', '글자 크게', '스크랩'],
  },
];
