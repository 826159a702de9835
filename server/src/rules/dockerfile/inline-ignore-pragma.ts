import { defineRule } from '../../engine/rule';
import { splitIds } from '../../engine/suppression';

const INLINE = /^\s*#\s*(hadolint|shipshape)\s+ignore\s*=\s*(.*)$/i;

export const inlineIgnorePragma = defineRule({
  id: 'inline-ignore-pragma',
  aliases: ['DL1001'],
  severity: 'hint',
  kinds: ['dockerfile'],
  fixable: false,
  docs: {
    summary: 'An inline ignore comment (`# hadolint ignore=…`, `# shipshape ignore=…`) silences findings for the next instruction.',
    why: 'Teams that want every exception to be visible in one place (settings, a config file) can use this rule to keep inline ignores out of Dockerfiles.',
    bad: 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get update && apt-get install -y curl',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u8',
    notes:
      'hadolint ships this rule switched off; a hint is the quietest level here (set it to "off" or raise it to "warning" in settings). File-wide pragmas (`global ignore`) are not reported, nor is a pragma that names this rule (`# shipshape ignore=inline-ignore-pragma`, which its "ignore for this line" fix inserts).',
  },
  check({ model, report }) {
    for (const comment of model.comments) {
      const match = INLINE.exec(comment.text);
      if (!match) continue;
      // A pragma that ignores this rule is the exception itself (what "ignore for this line" inserts).
      if (splitIds(match[2].split('#')[0]).some((id) => ['inline-ignore-pragma', 'dl1001'].includes(id.toLowerCase()))) continue;
      const start = comment.text.indexOf('#');
      report({
        range: { start: { line: comment.line, character: start }, end: { line: comment.line, character: comment.text.trimEnd().length } },
        message: `Inline ${match[1].toLowerCase()} ignore pragma: prefer configuring exceptions in settings`,
      });
    }
  },
});
