import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nameCase } from './name-case.ts';

describe('nameCase', () => {
  const cases: [string, string][] = [
    ['JANE DOE', 'Jane Doe'],
    ['JOHN MCDONALD', 'John McDonald'],
    ["CONOR O'BRIEN", "Conor O'Brien"],
    ['LEE JAE-LIM', 'Lee Jae-Lim'],
    ['LUDWIG VAN DER BERG', 'Ludwig van der Berg'],
    ['JOHN Q. PUBLIC', 'John Q. Public'],
    ['HENRY FORD III', 'Henry Ford III'],
    ['TOM KRISHER, AP', 'Tom Krisher, AP'],
    ['U.S. CUSTOMS AGENCY', 'U.S. Customs Agency'],
    // A desk is no person.
    ['TMZ STAFF', 'TMZ STAFF'],
    ['AP NEWS DESK', 'AP NEWS DESK'],
    // Mixed case is the writer's; one word may be an acronym; other scripts have no case to mend.
    ['Jane Doe', 'Jane Doe'],
    ['John McDONALD', 'John McDONALD'],
    ['AFP', 'AFP'],
    ['NASA', 'NASA'],
    ['홍길동', '홍길동'],
    ['ΓΙΑΝΝΗΣ ΠΑΠΑΔΟΠΟΥΛΟΣ', 'ΓΙΑΝΝΗΣ ΠΑΠΑΔΟΠΟΥΛΟΣ'],
  ];
  for (const [value, expected] of cases) it(`should write ${JSON.stringify(value)} as ${JSON.stringify(expected)}`, () => assert.equal(nameCase(value), expected));
});
