import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ruleDocMarkdown, withRulesTable } from '../../server/src/docs';
import { ruleNameKey } from '../../server/src/engine/rule-names';
import { allRules } from '../../server/src/rules';

const root = join(__dirname, '..', '..', '..');

test('every rule has a generated doc page that is up to date (npm run docs)', () => {
  for (const rule of allRules) {
    const path = join(root, 'docs', 'rules', `${rule.id}.md`);
    assert.ok(existsSync(path), `docs/rules/${rule.id}.md is missing: run npm run docs`);
    assert.equal(readFileSync(path, 'utf8'), ruleDocMarkdown(rule), `docs/rules/${rule.id}.md is out of date: run npm run docs`);
  }
  const pages = readdirSync(join(root, 'docs', 'rules')).sort();
  assert.deepEqual(pages, allRules.map((rule) => `${rule.id}.md`).sort(), 'docs/rules has pages for removed rules');
});

test("the README's rule table is up to date (npm run docs)", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  assert.equal(readme, withRulesTable(readme, allRules), 'README rule table is out of date: run npm run docs');
});

test('rule ids are unique and no alias belongs to two rules (as pragmas and settings compare names)', () => {
  const seen = new Map<string, string>();
  for (const rule of allRules) {
    for (const name of [rule.id, ...rule.aliases]) {
      const key = ruleNameKey(name);
      assert.ok(!seen.has(key) || seen.get(key) === rule.id, `${name} is used by ${seen.get(key)} and ${rule.id}`);
      seen.set(key, rule.id);
    }
  }
});
