import { defineRule } from '../../engine/rule';
import { imageFamily, rootImage } from '../../dockerfile/image-contents';
import { allCommands, instructionsBefore, runInstructions } from '../../dockerfile/package-commands';
import type { Fix } from '../../engine/types';

export const sudoInRun = defineRule({
  id: 'sudo-in-run',
  aliases: ['DL3004', 'AVD-DS-0010', 'CKV2_DOCKER_1'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: true,
  docs: {
    summary: 'A RUN uses sudo.',
    why: 'Build steps run as root unless a USER says otherwise, so sudo is redundant there; and where a non-root USER needs it, the image ships sudo with a rule that lets that user become root, which undoes the point of the non-root user. Switch with `USER root` … `USER app` around the step instead (or gosu/su-exec in an entrypoint).',
    bad: 'FROM debian:12\nRUN sudo apt-get update',
    good: 'FROM debian:12\nRUN apt-get update',
    notes:
      'Warning rather than hadolint\'s error: the build works, the problem is what the image allows. The fix removes `sudo` when the step runs as root (no USER, or USER root, before it, on a base image known to run as root) and sudo does not switch to another user (`-u`); otherwise there is no fix.',
  },
  check({ model, report }) {
    for (const run of runInstructions(model.instructions)) {
      const script = run.script;
      if (!script) continue;
      const stage = model.stageOf(run);
      let runsAsRoot: boolean | undefined; // read only for a RUN with sudo: it scans the stage
      for (const { command } of allCommands(script)) {
        const index = command.words.findIndex((w, i) => i < (command.nameIndex < 0 ? command.words.length : command.nameIndex) && w.value.replace(/^.*\//, '') === 'sudo');
        if (index < 0) continue;
        const sudo = command.words[index];
        const program = command.nameIndex >= 0 ? command.words[command.nameIndex] : null;
        const options = command.words.slice(index + 1, command.nameIndex < 0 ? command.words.length : command.nameIndex).map((w) => w.value);
        const otherUser = options.findIndex((o) => /^-[A-Za-z]*[ug]$/.test(o) || /^--(user|group)(=|$)/.test(o));
        const target = otherUser >= 0 ? (options[otherUser].includes('=') ? options[otherUser].split('=')[1] : options[otherUser + 1] ?? '') : null;
        const fixes: Fix[] = [];
        runsAsRoot ??= stage ? asRoot(stage, run) : false;
        if (runsAsRoot && program && target === null && !options.some((o) => /^-[A-Za-z]*[isE]/.test(o) && o !== '-E')) {
          const start = script.rangeOf(sudo.start, sudo.end).start;
          const end = script.rangeOf(program.start, program.end).start;
          if (start.line === end.line) fixes.push({ title: 'Remove sudo (the step already runs as root)', isPreferred: true, edits: [{ range: { start, end }, newText: '' }] });
        }
        report({
          range: script.rangeOf(sudo.start, sudo.end),
          message: target !== null
            ? `sudo -u ${target}: run as another user with USER, or gosu/su-exec/setpriv; sudo in the image lets users become root`
            : program ? `sudo ${program.value}: build steps run as root already; use USER to switch users` : 'sudo in a RUN: build steps run as root already; use USER to switch users',
          fixes,
        });
      }
    }
  },
});

function asRoot(stage: import('../../dockerfile/model').Stage, run: import('../../dockerfile/instruction').Instruction): boolean {
  const users = instructionsBefore(stage, run).filter((i) => i.keyword === 'USER');
  if (users.length > 0) {
    const user = (users[users.length - 1].args[0]?.value ?? '').split(':')[0];
    return user === 'root' || user === '0';
  }
  const family = imageFamily(rootImage(stage));
  return family !== 'unknown' && family !== 'distroless' && family !== 'windows';
}
