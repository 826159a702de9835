import type { Instruction } from '../../dockerfile/instruction';
import { allCommands } from '../../dockerfile/package-commands';
import { baseCommandName, commandArgs, type ShellCommand } from '../../dockerfile/shell-words';
import { defineRule } from '../../engine/rule';

interface Installer {
  /** What the message calls it. */
  label: string;
  /** Files that, copied first, let the install layer be cached. */
  manifests: RegExp;
}

const NPM_MANIFESTS = /^(package(-lock)?\.json|package\*\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|\.npmrc|\.yarnrc(\.yml)?)$/;

function installerOf(command: ShellCommand): Installer | null {
  const name = baseCommandName(command);
  const args = commandArgs(command).map((a) => a.value);
  const sub = args.find((a) => !a.startsWith('-')) ?? '';
  const operands = args.filter((a) => !a.startsWith('-'));
  if (name === 'npm' && (sub === 'ci' || ((sub === 'install' || sub === 'i') && operands.length === 1))) return { label: `npm ${sub}`, manifests: NPM_MANIFESTS };
  if ((name === 'yarn' && (sub === '' || sub === 'install')) || (name === 'pnpm' && (sub === 'install' || sub === 'i'))) return { label: `${name} install`, manifests: NPM_MANIFESTS };
  if (/^pip\d*(\.\d+)?$/.test(name) && sub === 'install' && args.some((a, i) => (a === '-r' || a === '--requirement') && args[i + 1])) {
    return { label: 'pip install -r', manifests: /^(requirements.*\.txt|requirements\/?.*|.*\.txt|\*\.txt)$/ };
  }
  if (name === 'poetry' && sub === 'install') return { label: 'poetry install', manifests: /^(pyproject\.toml|poetry\.lock)$/ };
  if (name === 'uv' && sub === 'sync') return { label: 'uv sync', manifests: /^(pyproject\.toml|uv\.lock)$/ };
  if (name === 'bundle' && (sub === '' || sub === 'install')) return { label: 'bundle install', manifests: /^Gemfile(\.lock)?$/ };
  if (name === 'composer' && sub === 'install') return { label: 'composer install', manifests: /^composer\.(json|lock)$/ };
  if (name === 'go' && sub === 'mod' && operands[1] === 'download') return { label: 'go mod download', manifests: /^go\.(mod|sum)$/ };
  return null;
}

function isCopyAll(instruction: Instruction): boolean {
  if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return false;
  if (instruction.flags.some((f) => f.name.toLowerCase() === 'from')) return false;
  const words = (instruction.json ?? instruction.args).map((w) => w.value);
  return words.length >= 2 && words.slice(0, -1).some((w) => w === '.' || w === './');
}

function copiedNames(instruction: Instruction): string[] {
  if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return [];
  if (instruction.flags.some((f) => f.name.toLowerCase() === 'from')) return [];
  return (instruction.json ?? instruction.args).slice(0, -1).map((w) => w.value.replace(/\/+$/, '').split('/').pop() ?? '');
}

export const copyAllBeforeInstall = defineRule({
  id: 'copy-all-before-install',
  aliases: [],
  severity: 'info',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: false,
  docs: {
    summary: '`COPY . .` comes before the dependency install (`npm ci`, `pip install -r`, `bundle install`…) and the manifest was not copied on its own first.',
    why: 'Any change to any file of the build context invalidates the `COPY . .` layer and every layer after it, so each code edit re-downloads and re-installs all dependencies. Copying the manifest and lockfile first, installing, then copying the rest keeps the install layer cached.',
    bad: 'COPY . .\nRUN npm ci\nCMD ["node", "server.js"]',
    good: 'COPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]',
    notes: 'Info: the image is the same, only builds are slower. Not reported when a COPY of the manifest (package.json, requirements*.txt, pyproject.toml, Gemfile, composer.json, go.mod…) precedes the `COPY . .`.',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const copied: string[] = [];
      let copyAll: Instruction | null = null;
      for (const instruction of stage.instructions) {
        if (!copyAll && isCopyAll(instruction)) {
          copyAll = instruction;
          continue;
        }
        if (!copyAll) {
          copied.push(...copiedNames(instruction));
          continue;
        }
        if (instruction.keyword !== 'RUN' || !instruction.script) continue;
        const installer = allCommands(instruction.script).map((c) => installerOf(c.command)).find((i) => i !== null);
        if (!installer) continue;
        if (copied.some((name) => installer.manifests.test(name))) break;
        report({
          range: copyAll.range,
          message: `COPY of the whole context before "${installer.label}": every source change re-runs the install; copy the dependency manifest first, install, then copy the rest`,
        });
        break;
      }
    }
  },
});
