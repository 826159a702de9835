import { defineRule } from '../../engine/rule';

export const fromAsCasing = defineRule({
  id: 'from-as-casing',
  aliases: ['FromAsCasing'],
  severity: 'info',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: true,
  docs: {
    summary: 'The `AS` of a FROM is cased differently from its `FROM` keyword.',
    why: 'Mixed keyword casing (`FROM debian as builder`) reads poorly; BuildKit reports it.',
    bad: 'FROM debian:12 as builder',
    good: 'FROM debian:12 AS builder',
    notes: 'Info rather than a warning: it is style. The fix gives `AS` the casing of `FROM`.',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const as = stage.from.args[1];
      if (!stage.name || !as || as.value.toUpperCase() !== 'AS') continue;
      const from = stage.from.keywordText;
      const upper = from === from.toUpperCase();
      if (!upper && from !== from.toLowerCase()) continue; // a mixed-case FROM is consistent-instruction-casing's business
      const wanted = upper ? 'AS' : 'as';
      if (as.value === wanted) continue;
      report({
        range: as.range,
        message: `'${as.value}' and '${from}' keywords' casing do not match`,
        fixes: [{ title: `Write "${wanted}"`, isPreferred: true, edits: [{ range: as.range, newText: wanted }] }],
      });
    }
  },
});
