import { defineRule } from '../../engine/rule';

export const legacyKeyValueFormat = defineRule({
  id: 'legacy-key-value-format',
  aliases: ['LegacyKeyValueFormat'],
  severity: 'info',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: true,
  docs: {
    summary: 'ENV or LABEL in the legacy `KEY value` form instead of `KEY=value`.',
    why: 'The space-separated form is deprecated and easy to misread: `ENV A B C` sets A to "B C", not three variables. `KEY=value` is unambiguous and allows several pairs per instruction.',
    bad: 'ENV NODE_ENV production',
    good: 'ENV NODE_ENV=production',
    notes: 'Info rather than a warning, as the legacy form still builds the same image. The fix inserts `=` and quotes a value that contains white space (keeping what the legacy form meant); a value that already contains a double quote is left for you to rewrite. `ARG a b` declares two ARGs and is not reported.',
  },
  check({ model, report }) {
    const index = model.index;
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'ENV' && instruction.keyword !== 'LABEL') continue;
      for (const prop of instruction.properties) {
        if (prop.hasEquals || !prop.valueRange) continue;
        const keyword = instruction.keyword;
        const raw = model.text.slice(index.offsetAt(prop.valueRange.start), index.offsetAt(prop.valueRange.end));
        const gap = { start: prop.nameRange.end, end: prop.valueRange.start };
        const quoted = /^(["']).*\1$/s.test(raw);
        const needsQuotes = /\s/.test(raw) && !quoted;
        const fixable = !(needsQuotes && raw.includes('"'));
        const edits = [{ range: gap, newText: needsQuotes ? '="' : '=' }];
        if (needsQuotes) edits.push({ range: { start: prop.valueRange.end, end: prop.valueRange.end }, newText: '"' });
        report({
          range: prop.range,
          message: `"${keyword} key=value" should be used instead of legacy "${keyword} key value" format`,
          fixes: fixable ? [{ title: `Write ${prop.name}=…`, isPreferred: true, edits }] : [],
        });
      }
    }
  },
});
