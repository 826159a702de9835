import { defineRule } from '../../engine/rule';
import type { Instruction } from '../../dockerfile/instruction';
import { expandVariables } from '../../dockerfile/image-reference';
import type { DockerfileModel } from '../../dockerfile/model';
import { allCommands, findInvocations, instructionsBefore, PIP_NAMES, variablesAt, type PackageInvocation } from '../../dockerfile/package-commands';
import { baseCommandName, type ShellCommand } from '../../dockerfile/shell-words';
import type { Fix } from '../../engine/types';

/** A virtual environment a RUN creates. */
interface Venv {
  /** The path as written in the script (quotes kept), for fix text. */
  written: string;
  /** The path with known ENV/ARG values expanded, without a trailing slash. */
  path: string;
  withoutPip: boolean;
  run: Instruction;
  order: number;
}

const VENV_VALUE_OPTIONS = ['--prompt', '-p', '--python', '--activators', '--seeder', '--creator', '--extra-search-dir', '--app-data', '--index-url', '--extra-index-url', '--cache-dir'];
const SYSTEM_PATH = new Set(['$PATH', '${PATH}', '/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']);

export const pipOutsideVenv = defineRule({
  id: 'pip-outside-venv',
  aliases: [],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: true,
  docs: {
    summary: '`pip install` after creating a virtual environment, but with the system pip: the packages land outside the venv.',
    why:
      'Creating a venv does not activate it for later commands: each RUN starts a new shell, and `pip` still means the system pip unless the venv\'s bin folder comes first on PATH. The packages go into the system Python, the venv stays empty, and the application started from the venv fails with ModuleNotFoundError (or runs against different versions than intended).',
    bad: 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nRUN pip install flask',
    good: 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nRUN /opt/venv/bin/pip install flask',
    notes:
      'A venv created by `python -m venv X`, `virtualenv X` or `uv venv X` earlier in the stage (or a stage it builds on) counts. Not reported when X/bin comes before the system folders on PATH (`ENV PATH="X/bin:$PATH"`), when the RUN sources X/bin/activate or puts X/bin on PATH before pip, when pip is called by a path (`X/bin/pip`, `/usr/bin/pip3`), or with `--target`, `--prefix`, `--root` or `--user`. The preferred fix calls X/bin/pip (or X/bin/python -m pip); a second fix puts X/bin first on PATH for the rest of the stage.',
  },
  check({ model, report }) {
    for (const run of model.instructions) {
      if (run.keyword !== 'RUN' || !run.script) continue;
      const stage = model.stageOf(run);
      if (!stage) continue;
      const pips = findInvocations(run.script, PIP_NAMES, 'install');
      if (pips.length === 0) continue;
      const before = instructionsBefore(stage, run);
      const env = variablesAt(model, stage, run);
      const venvs = [...before.filter((i) => i.keyword === 'RUN' && i.script).flatMap((i) => venvsOf(i, env)), ...venvsOf(run, env)];
      if (venvs.length === 0) continue;
      const path = (env.get('PATH') ?? '').split(':');
      const commands = allCommands(run.script);
      for (const pip of pips) {
        const venv = [...venvs].reverse().find((v) => v.run !== run || v.order < pip.order);
        if (!venv || calledByPath(pip) || choosesTarget(pip)) continue;
        if (firstOnPath(path, venv.path)) continue;
        if (activatedBefore(commands.slice(0, pip.order).map((c) => c.command)) || pip.prefix.some((w) => /^PATH=.*\/bin(:|$)/.test(w.value))) continue;
        const shown = pip.module ? `python -m ${pip.manager}` : pip.manager;
        report({
          range: run.script.rangeOf(pip.program.start, pip.subcommand!.end),
          message: `\`${shown} install\` runs the system pip, not the one of the virtual environment ${venv.path}: the packages land outside the venv`,
          fixes: fixes(model, run, pip, venv),
        });
      }
    }
  },
});

function normalize(path: string): string {
  return path.replace(/^\.\//, '').replace(/\/{2,}/g, '/').replace(/\/+$/, '');
}

function venvsOf(run: Instruction, env: Map<string, string | null>): Venv[] {
  const script = run.script!;
  const found: PackageInvocation[] = [
    ...findInvocations(script, ['venv', 'virtualenv'], null, { valueOptions: VENV_VALUE_OPTIONS }),
    ...findInvocations(script, 'uv', 'venv', { valueOptions: VENV_VALUE_OPTIONS }),
  ];
  return found.flatMap((inv) => {
    const target = inv.packages[0];
    const withoutPip = inv.args.some((a) => a.value === '--without-pip' || a.value === '--no-pip');
    if (!target) return inv.manager === 'uv' ? [{ written: '.venv', path: '.venv', withoutPip: true, run, order: inv.order }] : [];
    // Without its trailing slash (before a closing quote), so the fixes write `X/bin`, not `X//bin`.
    const written = script.text.slice(target.start, target.end).replace(/(.)\/+(["']?)$/, '$1$2');
    return [{ written, path: normalize(expandVariables(target.value, env)), withoutPip: withoutPip || inv.manager === 'uv', run, order: inv.order }];
  });
}

function calledByPath(pip: PackageInvocation): boolean {
  return pip.program.value.includes('/');
}

function choosesTarget(pip: PackageInvocation): boolean {
  return pip.args.some((a) => /^(-t|--target|--prefix|--root|--user)(=|$)/.test(a.value));
}

/** True when `venv/bin` comes before the system folders (and an inherited $PATH) on PATH. */
function firstOnPath(path: readonly string[], venv: string): boolean {
  const bin = `${venv}/bin`;
  for (const raw of path) {
    const entry = normalize(raw);
    if (entry === bin || entry.endsWith(`/${bin}`)) return true;
    if (SYSTEM_PATH.has(entry) || SYSTEM_PATH.has(raw)) return false;
  }
  return false;
}

/** `. X/bin/activate`, `source X/bin/activate` or `export PATH=X/bin:…` earlier in the RUN. */
function activatedBefore(commands: readonly ShellCommand[]): boolean {
  return commands.some((command) => {
    const name = baseCommandName(command);
    const args = command.words.slice(command.nameIndex + 1).map((w) => w.value);
    if ((name === '.' || name === 'source') && args[0]?.endsWith('/activate')) return true;
    const assigns = command.words.map((w) => w.value).filter((v) => v.startsWith('PATH='));
    return (name === 'export' || name === '' || name === 'declare') && assigns.some((v) => /\/bin(:|$)/.test(v));
  });
}

function fixes(model: DockerfileModel, run: Instruction, pip: PackageInvocation, venv: Venv): Fix[] {
  const script = run.script!;
  const out: Fix[] = [];
  if (!venv.withoutPip) {
    if (pip.module) {
      const python = pip.program;
      out.push({
        title: `Use the venv's Python (${venv.written}/bin/python -m pip)`,
        isPreferred: true,
        edits: [{ range: script.rangeOf(python.start, python.end), newText: `${venv.written}/bin/python` }],
      });
    } else {
      out.push({
        title: `Use the venv's pip (${venv.written}/bin/pip)`,
        isPreferred: true,
        edits: [{ range: script.rangeOf(pip.program.start, pip.program.end), newText: `${venv.written}/bin/pip` }],
      });
    }
  }
  if (venv.path.startsWith('/') || venv.written.startsWith('$')) {
    const line = run.range.start.line;
    const indent = /^[ \t]*/.exec(model.index.lineText(line))![0];
    // Inside ENV's own double quotes, the script's quotes around the path would end them.
    const bin = `${venv.written.replace(/["']/g, '')}/bin`;
    out.push({
      title: `Put the venv first on PATH (ENV PATH="${bin}:$PATH")`,
      edits: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}ENV PATH="${bin}:$PATH"${model.index.eol()}` }],
    });
  }
  return out;
}
