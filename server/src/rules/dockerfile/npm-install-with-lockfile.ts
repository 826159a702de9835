import type { Instruction } from '../../dockerfile/instruction';
import { findInvocations } from '../../dockerfile/package-commands';
import { defineRule } from '../../engine/rule';
import type { FileAccess } from '../../engine/types';

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json'];

/** True when a COPY/ADD source brings an npm lockfile into the image. */
export function copiesNpmLockfile(instruction: Instruction, files: FileAccess | undefined): boolean {
  if ((instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') || instruction.flags.some((f) => f.name.toLowerCase() === 'from')) return false;
  const sources = (instruction.json ?? instruction.args).slice(0, -1).map((w) => w.value);
  for (const source of sources) {
    const base = source.replace(/\/+$/, '').split('/').pop() ?? '';
    if (LOCKFILES.includes(base)) return true;
    if (/[*?[]/.test(base)) {
      const pattern = new RegExp(`^${base.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
      if (LOCKFILES.some((lock) => pattern.test(lock) && (!files || exists(files, source, lock)))) return true;
    }
    if ((source === '.' || source === './') && files && LOCKFILES.some((lock) => files.readFile(lock) !== undefined)) return true;
  }
  return false;
}

function exists(files: FileAccess, source: string, lock: string): boolean {
  const dir = source.includes('/') ? source.slice(0, source.lastIndexOf('/') + 1) : '';
  return files.readFile(dir + lock) !== undefined;
}

export const npmInstallWithLockfile = defineRule({
  id: 'npm-install-with-lockfile',
  aliases: [],
  severity: 'warning',
  kinds: ['dockerfile'],
  fixable: true,
  docs: {
    summary: '`npm install` runs after the lockfile (package-lock.json or npm-shrinkwrap.json) was copied in: `npm ci` is meant for that.',
    why: '`npm install` may resolve versions other than the locked ones and rewrite the lockfile, so the image gets dependencies nobody reviewed, and two builds of the same commit can differ. `npm ci` installs exactly the lockfile and fails when it does not match package.json.',
    bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm install',
    good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci',
    notes: 'Only a bare `npm install` (options allowed, no package names) is reported; `npm install some-package` adds a dependency and is left alone. `COPY package*.json` counts when the lockfile exists next to the Dockerfile (or when the files cannot be read). The fix replaces `install` with `ci`.',
  },
  check({ model, files, report }) {
    for (const stage of model.stages) {
      let locked = false;
      for (const instruction of stage.instructions) {
        if (copiesNpmLockfile(instruction, files)) locked = true;
        if (!locked || instruction.keyword !== 'RUN' || !instruction.script) continue;
        const script = instruction.script;
        for (const invocation of findInvocations(script, 'npm', ['install', 'i', 'add', 'isntall'])) {
          if (!invocation.subcommand || invocation.subcommand.value === 'add') continue;
          if (invocation.packages.length > 0 || invocation.args.some((a) => a.value === '-g' || a.value === '--global')) continue;
          const sub = invocation.subcommand;
          report({
            range: script.rangeOf(sub.start, sub.end),
            message: `\`npm ${sub.value}\` with a lockfile in place: use \`npm ci\` to install exactly the locked versions`,
            fixes: [{ title: 'Use npm ci', isPreferred: true, edits: [{ range: script.rangeOf(sub.start, sub.end), newText: 'ci' }] }],
          });
        }
      }
    }
  },
});
