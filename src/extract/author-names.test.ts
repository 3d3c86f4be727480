import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { agencyCredit, dropAgenciesBesidePeople, isOutletName, splitAuthorNames } from './author-names.ts';

describe('splitAuthorNames', () => {
  const cases: [string, string[]][] = [
    ['Dan Goodin - Apr 16, 2015 8:02 pm UTC', ['Dan Goodin']],
    ['Jane Doe, Senior Reporter, The Example Times', ['Jane Doe']],
    ['By Jane Doe, Political Correspondent', ['Jane Doe']],
    ['Jane Doe@janedoe', ['Jane Doe']],
    ['Jane Doe •  @janedoe', ['Jane Doe']],
    ['More from Josh', []],
    ['記者ページ', []],
    ['기자 페이지', []],
    ['Morelia Gomez', ['Morelia Gomez']],
    ['By Jane Doe, Senior Political Reporter', ['Jane Doe']],
    ['Jane Doe and John Roe, Associated Press', ['Jane Doe', 'John Roe']],
    ['Jane Doe, John Roe', ['Jane Doe', 'John Roe']],
    ['Story by Jane Doe', ['Jane Doe']],
    ['Jane Doe (Reuters)', ['Jane Doe']],
    ['Martin Untersinger (avec Damien Leloup et Morgane Tual)', ['Martin Untersinger (avec Damien Leloup et Morgane Tual)']],
    ['By Jane Doe • Published Nov. 19, 2019', ['Jane Doe']],
    ['Jane Doe, CNN Business', ['Jane Doe']],
    ['ERIC TUCKER Associated Press', ['ERIC TUCKER Associated Press']],
    ['GILLIAN MOHNEY\n March 11, 2015 3:46 PM', ['GILLIAN MOHNEY']],
    ['Zeige alle Beiträge von Cem Basman', ['Cem Basman']],
    ['Posted on September 21, 2020 by Adi Tzlil', ['Adi Tzlil']],
    ['Auteur: Anna Kubišta', ['Anna Kubišta']],
    ['MORITZ GATHMANN am 21. April 2020', ['MORITZ GATHMANN']],
    ['Author: Bo2man am 29.12.2010, 13:36 Uhr', ['Bo2man']],
    ['Text und Interview: Harald Willenbrock', ['Harald Willenbrock']],
    ['Datum: 19.11.2021 Autor: Fritz Imhof', ['Fritz Imhof']],
    ['Christoph Hein Chefredakteur', ['Christoph Hein']],
    ['Ben Silverman Games Editor', ['Ben Silverman']],
    ['Joe Wee Monday', ['Joe Wee']],
    ['J.R. Stone Thursday', ['J.R. Stone']],
    ['Eingestellt von der Michel', ['der Michel']],
    ['vom Support Team', ['Support Team']],
    ['Redaktion 1. November 2023 10:29', ['Redaktion']],
    ['Lars Fischer und Alina Schadwinkel', ['Lars Fischer', 'Alina Schadwinkel']],
    ['Jane Doe and John Roe', ['Jane Doe', 'John Roe']],
    ['Richard David Precht im Gespräch mit Karin Fischer', ['Richard David Precht', 'Karin Fischer']],
    ['Kossivi Tiassou Edition : M-A. Pioerron', ['Kossivi Tiassou']],
    ['Doe, Jane', ['Doe, Jane']],
    ['Jane Doe, MD, and John Roe, Jr.', ['Jane Doe, MD', 'John Roe, Jr.']],
    ['Ilana Muhlstein, MS, RDN', ['Ilana Muhlstein, MS, RDN']],
    ['Текст: Лида Буслаева', ['Лида Буслаева']],
    ['20 Nov 2019 08:00 GMT', []],
    ['21.01.2022 Aktuelle Meldung', []],
    ['oldid=2594817 “', []],
    ['publisher', []],
    ['Amy Kuperinsky | NJ Advance Media for NJ.com', ['Amy Kuperinsky']],
    ['Jane Roe | Max Mustermann', ['Jane Roe', 'Max Mustermann']],
    ['Bradley M. Kuhn (http://ebb.org/bkuhn/)', ['Bradley M. Kuhn']],
    ['November Rain Jones', ['November Rain Jones']],
    ['Texto: Ana Pérez', ['Ana Pérez']],
    ['Jane Doe, DDS, and Max Roe, PsyD', ['Jane Doe, DDS', 'Max Roe, PsyD']],
    ['Mac & i', ['Mac & i']],
    ['홍길동 기자 기자 페이지', ['홍길동']],
    ['By Shin Ji-hye (shinjh@hanbit.example)', ['Shin Ji-hye']],
    ['BY LEE JAE-LIM [lee.jaelim@hanbit.example]', ['LEE JAE-LIM']],
    ['김철수기자 구독', ['김철수']],
    ['이영희 선임기자', ['이영희']],
    ['기자협회 회원들', ['기자협회 회원들']],
    ['Martin Untersinger (avec Damien Leloup et Morgane Tual)', ['Martin Untersinger (avec Damien Leloup et Morgane Tual)']],
    ['Last Updated: January 7, 2025', []],
    ['By Louis Jacobson on Monday, November 18th, 2019 at 11:04 a.m.', ['Louis Jacobson']],
    ['By Matthew Digby and Minh Do on Monday, November 18th, 2019', ['Matthew Digby', 'Minh Do']],
    ['Zuletzt geändert am', []],
    ['Stadler at 12:53', ['Stadler']],
    ['/ domena publiczna', []],
    ['Last modified', []],
    ['Donnerstag', []],
    ['Follow', []],
    ['Patricio Candia | Palma de Mallorca | 08/01/2014', ['Patricio Candia']],
    ['Jane Doe and John Roe | Palma de Mallorca | 08/01/2014', ['Jane Doe', 'John Roe']],
    ['Jane Doe | John Roe', ['Jane Doe', 'John Roe']],
    ['By STEVE PEOPLES, AP National Political Writer', ['STEVE PEOPLES']],
    ['Jane Doe, AP Sports Writer', ['Jane Doe']],
    ['Jane Doe, AP', ['Jane Doe']],
    ['Jane Doe, John Roe', ['Jane Doe', 'John Roe']],
  ];
  for (const [value, expected] of cases) {
    it(`should read ${JSON.stringify(value)}`, () => assert.deepEqual(splitAuthorNames(value), expected));
  }
});

describe('isOutletName', () => {
  const cases: [string, boolean][] = [
    ['finanztreff.de', true],
    ['Madame Figaro', true],
    ['Example Times', true],
    ['examplenews', true],
    ['Jane Doe', false],
    ['Redaktion', false],
    ['Web Commerce GmbH www.w-commerce.de', true],
    ['Bund der Energieverbraucher e.V.', true],
    ['Jane Agate', false],
  ];
  for (const [value, expected] of cases) {
    it(`should tell whether ${JSON.stringify(value)} is the outlet`, () => assert.equal(isOutletName(value, ['Example Times', 'Madame Figaro'], 'https://www.examplenews.com/a/1'), expected));
  }
});

describe('dropAgenciesBesidePeople', () => {
  it('should drop a news agency credited beside a reporter', () => {
    assert.deepEqual(dropAgenciesBesidePeople([{ name: 'Jane Roe' }, { name: 'dpa' }, { name: 'AFP/Reuters' }]), [{ name: 'Jane Roe' }]);
  });
  it('should keep an agency credited alone', () => {
    assert.deepEqual(dropAgenciesBesidePeople([{ name: '연합뉴스' }]), [{ name: '연합뉴스' }]);
  });
  it("should drop a newsroom's desk credited beside a reporter, and keep one credited alone", () => {
    assert.deepEqual(dropAgenciesBesidePeople([{ name: 'NEWSROOM' }, { name: 'Jane Roe' }, { name: 'Editorial Team' }, { name: '디지털뉴스팀' }]), [{ name: 'Jane Roe' }]);
    assert.deepEqual(dropAgenciesBesidePeople([{ name: 'Newsroom' }]), [{ name: 'Newsroom' }]);
  });
});

describe('agencyCredit', () => {
  const cases: [string, string, string | undefined][] = [
    ['a dateline after a caption', 'Der Hörsaal. Foto: Jane Roe/dpa\n\nHamburg (dpa/lno) – Trotz eines Gesprächs blieb es dabei.\n\nMehr dazu.', 'dpa/lno'],
    ['an English wire dateline', 'WASHINGTON (AP) — The Senate voted on Tuesday.\n\nIt passed.', 'AP'],
    ['a closing credit with the outlet', 'Die Zyste könne sich neu bilden, hieß es. (FR mit dpa)\n\nfr.de ist Teil eines Netzwerks', 'FR mit dpa'],
    ['a closing agency alone', 'Die Polizei ermittelt. (dpa)', 'dpa'],
    ['no aside in parentheses', 'Berlin (Mitte) – Ein Café öffnet.\n\nEs gibt Kuchen (und Kaffee)', undefined],
    ['no agency in the middle of the story', 'Es begann am Montag.\n\nWie dpa (AFP) berichtete, kam es anders.\n\nDann kam der Dienstag.\n\nUnd der Mittwoch.\n\nEnde.', undefined],
  ];
  for (const [name, text, expected] of cases) it(`should read ${name}`, () => assert.equal(agencyCredit(text), expected));
});
