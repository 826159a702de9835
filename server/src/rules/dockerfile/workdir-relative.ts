import { defineRule } from '../../engine/rule';
import { instructionsBefore } from '../../dockerfile/package-commands';
import type { Fix } from '../../engine/types';

export const workdirRelative = defineRule({
  id: 'workdir-relative',
  aliases: ['DL3000', 'WorkdirRelativePath', 'AVD-DS-0009', 'CKV_DOCKER_10'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: true,
  docs: {
    summary: 'WORKDIR with a relative path.',
    why:
      'A relative WORKDIR is resolved against the previous one, which may come from the base image: when the base image changes its WORKDIR, files land somewhere else and the CMD no longer finds them.',
    bad: 'FROM node:22-slim\nWORKDIR /srv\nWORKDIR app',
    good: 'FROM node:22-slim\nWORKDIR /srv\nWORKDIR /srv/app',
    notes:
      'Warning rather than hadolint\'s error: the build works, it only depends on the base image. Paths starting with a variable or a Windows drive are not reported. The fix resolves the path against the stage\'s previous absolute WORKDIR; when there is none (the base image decides) the fix that prefixes `/` is offered but not applied by `--fix`.',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'WORKDIR' || instruction.args.length === 0) continue;
        const word = instruction.args[0];
        const path = word.value.replace(/^["']|["']$/g, '');
        if (path.startsWith('/') || path.startsWith('$') || /^[A-Za-z]:/.test(path) || path.startsWith('\\')) continue;
        const previous = instructionsBefore(stage, instruction).filter((i) => i.keyword === 'WORKDIR' && i.args.length > 0);
        let base: string | null = null;
        for (const earlier of previous) {
          const value = earlier.args[0].value.replace(/^["']|["']$/g, '');
          if (value.startsWith('/')) base = value;
          else if (base !== null && !value.startsWith('$')) base = join(base, value);
          else base = null;
        }
        if (base !== null && base.includes('$')) base = null;
        const fixes: Fix[] = base !== null
          ? [{ title: `Use the absolute path ${join(base, path)}`, isPreferred: true, edits: [{ range: word.range, newText: join(base, path) }] }]
          : [{ title: `Use /${path}`, isPreferred: false, edits: [{ range: word.range, newText: '/' + path }] }];
        report({
          range: word.range,
          message: base !== null
            ? `WORKDIR "${path}" is relative: it resolves to ${join(base, path)}; write it out`
            : `WORKDIR "${path}" is relative: where it lands depends on the base image's WORKDIR`,
          fixes,
        });
      }
    }
  },
});

function join(base: string, path: string): string {
  const parts = base.split('/').filter(Boolean);
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}
