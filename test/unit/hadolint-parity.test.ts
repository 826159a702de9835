/**
 * Every hadolint rule (DL1001, DL3000–DL3067, DL4000–DL4006) has a Shipshape rule that lists its
 * id as an alias, so `# hadolint ignore=DLxxxx` pragmas and `"DLxxxx": "off"` settings keep working
 * for teams that move over.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allRules } from '../../server/src/rules';

const range = (from: number, to: number, prefix: string) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

/** The ids hadolint defines today. */
const CURRENT = [
  'DL1001',
  // DL3005, DL3017, DL3031 and DL3039 were retired by hadolint; they are listed in RETIRED below.
  ...range(3000, 3067, 'DL').filter((id) => !['DL3005', 'DL3017', 'DL3031', 'DL3039'].includes(id)),
  // hadolint has no DL4002.
  'DL4000',
  'DL4001',
  'DL4003',
  'DL4004',
  'DL4005',
  'DL4006',
];

/** Ids hadolint used to have (upgrading all packages with apt-get, apk, yum, dnf); still covered, for old pragmas. */
const RETIRED = ['DL3005', 'DL3017', 'DL3031', 'DL3039'];

function rulesWithAlias(id: string) {
  return allRules.filter((rule) => rule.aliases.some((alias) => alias.toUpperCase() === id));
}

describe('hadolint parity', () => {
  for (const id of [...CURRENT, ...RETIRED]) {
    it(`${id} has a rule`, () => {
      assert.ok(rulesWithAlias(id).length > 0, `no rule lists ${id} among its aliases`);
    });
  }

  it('no hadolint id is claimed by two rules', () => {
    const claims = new Map<string, string[]>();
    for (const rule of allRules) {
      for (const alias of rule.aliases) {
        if (!/^DL\d{4}$/i.test(alias)) continue;
        const id = alias.toUpperCase();
        claims.set(id, [...(claims.get(id) ?? []), rule.id]);
      }
    }
    const doubles = [...claims].filter(([, ids]) => ids.length > 1).map(([id, ids]) => `${id}: ${ids.join(', ')}`);
    assert.deepEqual(doubles, []);
  });

  it('the list covers DL3000–DL3067 without gaps', () => {
    assert.deepEqual([...CURRENT, ...RETIRED].filter((id) => id.startsWith('DL30')).sort(), range(3000, 3067, 'DL'));
  });
});
