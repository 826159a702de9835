import { defineRule } from '../../engine/rule';
import type { ImageReference } from '../../dockerfile/image-reference';
import type { Instruction } from '../../dockerfile/instruction';
import {
  allCommands,
  findInvocations,
  hasAnyFlag,
  insertAfterWord,
  instructionsBefore,
  lastSetValue,
  PIP_NAMES,
  stageChain,
  type PackageInvocation,
} from '../../dockerfile/package-commands';

const SYSTEM_PIP_PACKAGES = /^(python3?-pip|py3-pip)([=:].*)?$/;
const TRUTHY = /^(1|true|yes|on)$/i;

export const pipExternallyManaged = defineRule({
  id: 'pip-externally-managed',
  aliases: [],
  severity: 'error',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: true,
  docs: {
    summary: '`pip install` into the system Python of Debian 12+, Ubuntu 23.04+ or Alpine 3.19+, which refuses it (PEP 668: externally managed).',
    why:
      'These distributions mark their Python as managed by the OS package manager: pip stops with "error: externally-managed-environment" instead of installing, so the build fails. The usual surprise is a Dockerfile that built on Debian 11 or Ubuntu 22.04 and breaks when the base image moves on (`node:22`, `debian:latest` and `ubuntu:latest` already have).',
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y python3-pip\nRUN pip3 install flask',
    good:
      'FROM debian:12\nRUN apt-get update && apt-get install -y python3-pip\nRUN pip3 install --break-system-packages flask',
    notes:
      'Reported only when the base image is known to mark its Python as managed (debian 12/13 and bookworm/trixie tags, ubuntu 23.04 and later, alpine 3.19 and later, other images with a bookworm/trixie/noble tag) and the stage installs pip from the OS packages (python3-pip, py3-pip). The official python images install their own Python under /usr/local and are never reported. Not reported for a pip of a venv (or when the stage created one: pip-outside-venv covers that), with `--break-system-packages`, `--target`, `--prefix` or `--root`, with PIP_BREAK_SYSTEM_PACKAGES set, or when an earlier RUN removes the EXTERNALLY-MANAGED marker or configures break-system-packages. The fix adds `--break-system-packages`, which keeps what the Dockerfile did before (pip installs under /usr/local and leaves the OS\'s files alone); a virtual environment (`python3 -m venv`, with the python3-venv package) is the cleaner alternative.',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const root = stageChain(stage)[0].image;
      const distro = managedDistribution(root);
      if (!distro) continue;
      for (const run of stage.instructions) {
        if (run.keyword !== 'RUN' || !run.script) continue;
        const pips = findInvocations(run.script, PIP_NAMES, 'install');
        if (pips.length === 0) continue;
        const before = instructionsBefore(stage, run);
        if (!installsSystemPip(before, run, pips[0].order) || createsVenv(before, run)) continue;
        for (const pip of pips) {
          if (calledOutsideSystem(pip) || choosesTarget(pip) || bypassed(before, run, pip) || hasAnyFlag([...pip.globalArgs, ...pip.args], null, '--break-system-packages')) continue;
          const shown = pip.module ? `python -m ${pip.manager}` : pip.manager;
          const sub = pip.subcommand!;
          report({
            range: run.script.rangeOf(pip.program.start, sub.end),
            message: `\`${shown} install\` fails on ${distro}: its Python is externally managed (PEP 668); use a venv or --break-system-packages`,
            fixes: [{ title: 'Add --break-system-packages', isPreferred: true, edits: [insertAfterWord(run.script, sub, ' --break-system-packages')] }],
          });
        }
      }
    }
  },
});

/** The distribution's name when the image is known to ship an externally managed Python; null otherwise. */
export function managedDistribution(image: ImageReference | null): string | null {
  if (!image || image.hasVariable) return null;
  if (image.registry && image.registry !== 'docker.io') return null;
  const repo = image.repository.replace(/^library\//, '').toLowerCase();
  const tag = (image.tag ?? 'latest').toLowerCase();
  if (repo === 'python' || repo.endsWith('/python') || repo === 'pypy') return null;
  if (repo === 'debian') {
    if (/^(latest|stable|testing|unstable|sid|bookworm|trixie|forky)\b/.test(tag)) return `Debian (${tag})`;
    const major = /^(\d+)/.exec(tag);
    return major && Number(major[1]) >= 12 ? `Debian ${major[1]}` : null;
  }
  if (repo === 'ubuntu') {
    if (/^(latest|rolling|devel|lunar|mantic|noble|oracular|plucky|questing)\b/.test(tag)) return `Ubuntu (${tag})`;
    const version = /^(\d+)\.(\d+)/.exec(tag);
    return version && (Number(version[1]) > 23 || (Number(version[1]) === 23 && Number(version[2]) >= 4)) ? `Ubuntu ${version[1]}.${version[2]}` : null;
  }
  if (repo === 'alpine') {
    if (/^(latest|edge)\b/.test(tag)) return `Alpine (${tag})`;
    const version = /^(\d+)\.(\d+)/.exec(tag);
    return version && (Number(version[1]) > 3 || Number(version[2]) >= 19) ? `Alpine ${version[1]}.${version[2]}` : null;
  }
  const codename = /\b(bookworm|trixie|noble)\b/.exec(tag);
  return codename ? `${codename[1] === 'noble' ? 'Ubuntu' : 'Debian'} ${codename[1]}` : null;
}

/** The stage (or this RUN, before the pip) installs pip from the OS packages. */
function installsSystemPip(before: readonly Instruction[], run: Instruction, pipOrder: number): boolean {
  const installs = (instruction: Instruction, limit: number) =>
    [
      ...findInvocations(instruction.script!, ['apt-get', 'apt'], 'install'),
      ...findInvocations(instruction.script!, 'apk', 'add'),
    ].some((inv) => inv.order < limit && inv.packages.some((p) => SYSTEM_PIP_PACKAGES.test(p.value)));
  return before.some((i) => i.keyword === 'RUN' && i.script !== null && installs(i, Infinity)) || installs(run, pipOrder);
}

function createsVenv(before: readonly Instruction[], run: Instruction): boolean {
  return [...before, run].some(
    (i) =>
      i.keyword === 'RUN' &&
      i.script !== null &&
      (findInvocations(i.script, ['venv', 'virtualenv'], null).length > 0 || findInvocations(i.script, 'uv', 'venv').length > 0),
  );
}

const BYPASS = /EXTERNALLY-MANAGED|break-system-packages|PIP_BREAK_SYSTEM_PACKAGES=["']?(1|true|yes|on)\b/i;

/** PIP_BREAK_SYSTEM_PACKAGES, pip configuration or a removed EXTERNALLY-MANAGED marker, before this pip. */
function bypassed(before: readonly Instruction[], run: Instruction, pip: PackageInvocation): boolean {
  if (TRUTHY.test(lastSetValue(before, 'PIP_BREAK_SYSTEM_PACKAGES') ?? '')) return true;
  if (before.some((i) => i.keyword === 'RUN' && i.script !== null && BYPASS.test(i.script.text))) return true;
  if (pip.prefix.some((w) => BYPASS.test(w.value))) return true;
  return allCommands(run.script!)
    .slice(0, pip.order)
    .some(({ command }) => command.words.some((w) => BYPASS.test(w.value)));
}

/** A pip of a venv or of another installation, called by its path. */
function calledOutsideSystem(pip: PackageInvocation): boolean {
  const program = pip.program.value;
  return program.includes('/') && !/^\/(usr\/)?bin\//.test(program);
}

function choosesTarget(pip: PackageInvocation): boolean {
  return pip.args.some((a) => /^(-t|--target|--prefix|--root)(=|$)/.test(a.value));
}

