import { joinContainerPath, normalizeContainerPath } from '../../dockerfile/container-paths';
import { defineRule, type Report } from '../../engine/rule';
import type { Instruction } from '../../dockerfile/instruction';
import type { DockerfileModel, Stage } from '../../dockerfile/model';
import { insertAfterInstruction } from '../../dockerfile/stage-insertion';
import { stageChain } from '../../dockerfile/image-contents';
import { baseCommandName, commandArgs, type ShellWord } from '../../dockerfile/shell-words';
import type { Fix } from '../../engine/types';

/** Commands that change the files named by their (non-option) arguments. */
const CHANGING = new Set(['chown', 'chmod', 'chgrp', 'mkdir', 'touch', 'rm', 'rmdir', 'tee', 'truncate', 'setfacl', 'mv', 'unzip', 'tar', 'git', 'sed']);
/** Commands that change only their last argument. */
const TARGET_LAST = new Set(['cp', 'ln', 'install', 'rsync']);

interface Volume {
  path: string;
  instruction: Instruction;
}

export const volumeChangeDiscarded = defineRule({
  id: 'volume-change-discarded',
  aliases: [],
  severity: 'info',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: true,
  docs: {
    summary: 'A RUN changes files under a path already declared as a VOLUME.',
    why:
      'With the legacy builder (and builders that follow it), changes a build step makes inside a declared volume are thrown away: the `chown`, `mkdir` or config file written after `VOLUME /data` is simply not in the image. BuildKit keeps them, so the same Dockerfile gives different images depending on the builder.',
    bad: 'FROM debian:12-slim\nVOLUME /data\nRUN mkdir -p /data/db && chown -R 1000 /data',
    good: 'FROM debian:12-slim\nRUN mkdir -p /data/db && chown -R 1000 /data\nVOLUME /data',
    notes:
      'Info rather than warning because BuildKit, the default builder, keeps the changes (Docker documents the discard for the legacy builder only). VOLUMEs declared in an earlier stage of the file that this stage builds on count; those of external base images cannot be seen. Recognised changes: chown, chmod, chgrp, mkdir, touch, rm, tee, truncate, mv, sed, cp/ln/install targets and `>`/`>>` redirections, with relative paths resolved against WORKDIR. The fix moves the VOLUME below the last RUN that changes it, when the VOLUME declares only that path, lies in the same stage and is the only VOLUME covering the change.',
  },
  check({ model, report }) {
    for (const stage of model.stages) checkStage(model, stage, report);
  },
});

function checkStage(model: DockerfileModel, stage: Stage, report: (r: Report) => void): void {
  const volumes: Volume[] = [];
  for (const base of stageChain(stage).slice(1).reverse()) {
    for (const instruction of base.instructions) if (instruction.keyword === 'VOLUME') volumes.push(...volumePaths(instruction));
  }
  let workdir = '/';
  for (const base of stageChain(stage).slice(1).reverse()) workdir = workdirAfter(base.instructions, workdir);
  for (const instruction of stage.instructions) {
    if (instruction.keyword === 'WORKDIR' && instruction.args[0]) {
      workdir = joinContainerPath(workdir, instruction.args[0].value);
      continue;
    }
    if (instruction.keyword === 'VOLUME') {
      volumes.push(...volumePaths(instruction));
      continue;
    }
    if (instruction.keyword !== 'RUN' || !instruction.script || volumes.length === 0) continue;
    const script = instruction.script;
    let changedDir = false;
    for (const command of script.commands) {
      const name = baseCommandName(command);
      if (name === 'cd') changedDir = true;
      for (const word of changedPaths(command.words, name, commandArgs(command))) {
        if (word.value.includes('$')) continue;
        if (!word.value.startsWith('/') && changedDir) continue;
        const path = joinContainerPath(workdir, word.value);
        const covering = volumes.filter((v) => path === v.path || path.startsWith(v.path.endsWith('/') ? v.path : v.path + '/'));
        const volume = covering[0];
        if (!volume) continue;
        // Moving one VOLUME leaves the change discarded while another (a repeated or enclosing one) still covers it.
        const movable = covering.every((v) => v.instruction === volume.instruction);
        const volumeLine = volume.instruction.range.start.line + 1;
        report({
          range: script.rangeOf(word.start, word.end),
          message: `${name || 'This command'} changes ${path}, inside VOLUME ${volume.path} (line ${volumeLine}): the legacy builder discards the change (BuildKit keeps it)`,
          fixes: movable ? moveVolumeFix(model, stage, volume.instruction, instruction) : [],
        });
      }
    }
  }
}

function workdirAfter(instructions: Instruction[], start: string): string {
  let workdir = start;
  for (const instruction of instructions) if (instruction.keyword === 'WORKDIR' && instruction.args[0]) workdir = joinContainerPath(workdir, instruction.args[0].value);
  return workdir;
}

function volumePaths(instruction: Instruction): Volume[] {
  const words = instruction.json ? instruction.json.map((w) => w.value) : instruction.args.map((w) => w.value);
  return words
    .filter((w) => w.startsWith('/') && !w.includes('$'))
    .map((w) => ({ path: normalizeContainerPath(w), instruction }));
}

/** The words of a command that name files it changes. */
function changedPaths(words: ShellWord[], name: string, args: ShellWord[]): ShellWord[] {
  const out: ShellWord[] = [];
  // Redirections: `> file`, `>>file`, `2>file`.
  for (let i = 0; i < words.length; i++) {
    const match = /^\d*>>?(.*)$/.exec(words[i].value);
    if (!match || words[i].quoted) continue;
    if (match[1] !== '') {
      if (!match[1].startsWith('&')) out.push({ ...words[i], value: match[1], start: words[i].end - match[1].length });
    } else if (i + 1 < words.length) out.push(words[i + 1]);
  }
  const operands = args.filter((w) => !w.value.startsWith('-') && !/^\d*[<>]/.test(w.value));
  if (name === 'sed') {
    if (!args.some((w) => /^-[a-zA-Z]*i/.test(w.value) || w.value.startsWith('--in-place'))) return out;
    return out.concat(operands.slice(1));
  }
  if (name === 'tar') {
    const dir = args.findIndex((w) => w.value === '-C' || w.value === '--directory');
    if (dir >= 0 && dir + 1 < args.length) out.push(args[dir + 1]);
    return out;
  }
  if (name === 'unzip') {
    const dir = args.findIndex((w) => w.value === '-d');
    if (dir >= 0 && dir + 1 < args.length) out.push(args[dir + 1]);
    return out;
  }
  if (name === 'git') {
    if (operands[0]?.value === 'clone' && operands.length >= 3) out.push(operands[operands.length - 1]);
    return out;
  }
  if (TARGET_LAST.has(name)) {
    if (operands.length >= 2) out.push(operands[operands.length - 1]);
    return out;
  }
  if (CHANGING.has(name)) {
    // chown/chmod/chgrp: the first operand is the owner or mode.
    const skip = name === 'chown' || name === 'chmod' || name === 'chgrp' ? 1 : 0;
    out.push(...operands.slice(skip));
  }
  return out;
}

/** Moves a single-path VOLUME of this stage to just after the RUN, when nothing between them depends on it. */
function moveVolumeFix(model: DockerfileModel, stage: Stage, volume: Instruction, run: Instruction): Fix[] {
  if (!stage.instructions.includes(volume)) return [];
  const paths = volumePaths(volume);
  const words = volume.json ?? volume.args;
  if (paths.length !== 1 || words.length !== 1) return [];
  if (volume.range.start.line !== volume.range.end.line) return [];
  // Move it past the last RUN of the stage that changes something under it, so one move fixes all.
  const volumeLine = volume.range.start.line;
  const text = model.index.lineText(volumeLine);
  const runIndent = /^[ \t]*/.exec(model.index.lineText(run.range.start.line))?.[0] ?? '';
  const mentioning = lastChangingRun(stage, volume, paths[0].path);
  const lastRun = mentioning && mentioning.range.start.line > run.range.start.line ? mentioning : run;
  // No fix when that RUN never ends (an unterminated heredoc, a continuation into the end of the file): the VOLUME would become part of it.
  const insert = insertAfterInstruction(model, lastRun, [text.trim()], runIndent);
  if (!insert) return [];
  return [
    {
      title: `Move VOLUME ${paths[0].path} below line ${lastRun.range.end.line + 1}`,
      isPreferred: true,
      edits: [{ range: { start: { line: volumeLine, character: 0 }, end: { line: volumeLine + 1, character: 0 } }, newText: '' }, insert],
    },
  ];
}

function lastChangingRun(stage: Stage, volume: Instruction, path: string): Instruction | null {
  let last: Instruction | null = null;
  let seen = false;
  for (const instruction of stage.instructions) {
    if (instruction === volume) {
      seen = true;
      continue;
    }
    if (!seen || instruction.keyword !== 'RUN' || !instruction.script) continue;
    if (instruction.script.text.includes(path)) last = instruction;
  }
  return last;
}
