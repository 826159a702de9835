// Regenerates docs/rules/<id>.md and the README's rule table from rule metadata (compiled to out/ by tsc).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { allRules } = require('../out/server/src/rules/index.js');
const { ruleDocMarkdown, withRulesTable } = require('../out/server/src/docs.js');

mkdirSync('docs/rules', { recursive: true });
const wanted = new Set(allRules.map((rule) => `${rule.id}.md`));
for (const name of readdirSync('docs/rules')) if (!wanted.has(name)) rmSync(`docs/rules/${name}`);
for (const rule of allRules) writeFileSync(`docs/rules/${rule.id}.md`, ruleDocMarkdown(rule));
writeFileSync('README.md', withRulesTable(readFileSync('README.md', 'utf8'), allRules));
console.log(`wrote ${allRules.length} rule pages and the README table`);
