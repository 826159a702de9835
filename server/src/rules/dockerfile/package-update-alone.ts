import type { Instruction } from '../../dockerfile/instruction';
import { allCommands } from '../../dockerfile/package-commands';
import { baseCommandName, commandArgs, scriptEndsOpen, type ShellCommand } from '../../dockerfile/shell-words';
import { defineRule } from '../../engine/rule';
import type { Fix } from '../../engine/types';

/** Index refreshes: they only download package lists. */
function updateOf(command: ShellCommand): string | null {
  const name = baseCommandName(command);
  const args = commandArgs(command).filter((a) => !a.value.startsWith('-')).map((a) => a.value);
  const sub = args[0] ?? '';
  if ((name === 'apt-get' || name === 'apt' || name === 'aptitude') && sub === 'update') return `${name} update`;
  if (name === 'apk' && sub === 'update') return 'apk update';
  if ((name === 'yum' || name === 'dnf' || name === 'microdnf') && sub === 'makecache') return `${name} makecache`;
  if (name === 'zypper' && (sub === 'refresh' || sub === 'ref')) return `zypper ${sub}`;
  return null;
}

const TRIVIAL = new Set(['true', ':', 'set', 'echo']);

export const packageUpdateAlone = defineRule({
  id: 'package-update-alone',
  aliases: ['AVD-DS-0017', 'CKV_DOCKER_5'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: true,
  docs: {
    summary: 'A RUN refreshes the package index (`apt-get update`, `apk update`) without installing anything in the same RUN.',
    why: 'The refreshed index is cached as its own layer. A later `RUN apt-get install` is rebuilt on that old index when only the install line changes, so it installs outdated (possibly vulnerable) versions, or fails when the mirror has moved on.',
    bad: 'FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y curl',
    good: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl',
    notes: '`yum update`/`dnf upgrade` upgrade packages and are not index refreshes, so they are not reported. When the next instruction is a shell-form RUN, the fix moves the refresh into it. apt-lists-not-removed defers to this rule for a RUN that only refreshes the index, so a lone refresh is reported once.',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      stage.instructions.forEach((instruction, position) => {
        if (instruction.keyword !== 'RUN' || !instruction.script) return;
        const found = loneRefresh(instruction);
        if (!found) return;
        report({
          range: instruction.range,
          message: `"${found}" runs alone in its RUN: its cached layer goes stale; refresh and install in one RUN`,
          fixes: mergeFix(instruction, stage.instructions[position + 1]),
        });
      });
    }
  },
});

/** The refresh (`apt-get update`) when it is all the RUN does besides trivial commands, else null. */
export function loneRefresh(run: Instruction): string | null {
  if (!run.script) return null;
  const commands = allCommands(run.script).map((c) => c.command).filter((c) => c.nameIndex >= 0);
  const updates = commands.map(updateOf);
  const found = updates.find((u) => u !== null);
  if (!found) return null;
  if (!commands.every((c, i) => updates[i] !== null || TRIVIAL.has(baseCommandName(c)))) return null;
  return found;
}

function mergeFix(lone: Instruction, next: Instruction | undefined): Fix[] {
  if (!next || next.keyword !== 'RUN' || !next.script || next.json || next.heredocs.length > 0 || !lone.script) return [];
  if (lone.range.start.line !== lone.range.end.line || lone.flags.length > 0) return [];
  const script = lone.script.text.trim();
  // `apt-get update '` would swallow the next RUN's script into its open quote.
  if (scriptEndsOpen(script)) return [];
  const at = next.script.positionAt(next.script.text.length - next.script.text.trimStart().length);
  const endLine = lone.range.end.line + 1;
  return [{
    title: 'Move the refresh into the next RUN',
    isPreferred: true,
    edits: [
      { range: { start: { line: lone.range.start.line, character: 0 }, end: { line: endLine, character: 0 } }, newText: '' },
      { range: { start: at, end: at }, newText: `${script} && ` },
    ],
  }];
}
