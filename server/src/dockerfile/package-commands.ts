/**
 * Finds package-manager invocations (`apt-get install`, `apk add`, `pip install`, `dnf install`…)
 * in a RUN script: across `&&`/`;`/`||` chains, behind `sudo`/`env`/`timeout`/`xargs`/`VAR=x` prefixes, and inside
 * `sh -c "…"` / `bash -c '…'` strings, whose words are mapped back to offsets in the outer script so
 * `script.rangeOf(word.start, word.end)` gives their place in the document.
 */
import type { TextEdit } from '../engine/text';
import { expandVariables } from './image-reference';
import { flagValue, type Instruction } from './instruction';
import type { DockerfileModel, Stage } from './model';
import { baseCommandName, parseShell, type ShellCommand, type ShellWord } from './shell-words';
import type { SourceText } from './source-text';

/** How to recognise a manager: program names (without directory), or a test on the name. */
export type ManagerMatcher = string | readonly string[] | RegExp | ((name: string) => boolean);

export interface FindOptions {
  /** Options (of this manager) that take the next word as their value, e.g. `-o`, `--requirement`. Added to the built-in table. */
  valueOptions?: readonly string[];
  /** Also find `python -m <manager>` (on by default for names that are Python modules: pip, venv, virtualenv, pipx…). */
  pythonModule?: boolean;
  /** Look inside `sh -c "…"` strings (default true). */
  nested?: boolean;
}

export interface PackageInvocation {
  /** The simple command as the shell reader saw it (for a nested command, the inner command with its offsets mapped to the script). */
  command: ShellCommand;
  /** The program word (`apt-get`, `/usr/bin/pip3`); for `python -m pip`, the `python` word. */
  program: ShellWord;
  /** The manager's name as found: the program's base name, or the module name for `python -m pip`. */
  manager: string;
  /** For `python -m pip`: the `pip` word; otherwise null. */
  module: ShellWord | null;
  /** The matched subcommand word (`install`), or null when searching without subcommands. */
  subcommand: ShellWord | null;
  /** Options between the program (or module) and the subcommand (`apt-get -qq install`). */
  globalArgs: ShellWord[];
  /** Every word after the subcommand (or after the program when there is no subcommand). */
  args: ShellWord[];
  /** Operands of `args`: not options, not values of options that take one, not redirections. */
  packages: ShellWord[];
  /** True when found inside an `sh -c` string. */
  nested: boolean;
  /** The command words before the program: assignments and wrappers (`DEBIAN_FRONTEND=noninteractive`, `sudo`). */
  prefix: ShellWord[];
  /** Index of the command in the script's flat command list (outer commands and nested ones in order), for "before/after" questions. */
  order: number;
}

/** Options that take a separate value, by manager. Long options given as `--opt=value` need no entry. */
const VALUE_OPTIONS: Record<string, readonly string[]> = {
  'apt-get': ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release'],
  apt: ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release'],
  aptitude: ['-o', '-t', '--target-release', '-R'],
  apk: ['-X', '--repository', '-p', '--root', '--arch', '--cache-dir', '--keys-dir', '--repositories-file', '-t', '--virtual'],
  pip: [
    '-r', '--requirement', '-c', '--constraint', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target',
    '--prefix', '--root', '--src', '--upgrade-strategy', '--python-version', '--platform', '--implementation', '--abi',
    '--progress-bar', '--no-binary', '--only-binary', '--global-option', '--config-settings', '-C', '--log', '--proxy',
    '--retries', '--timeout', '--exists-action', '--trusted-host', '--cert', '--client-cert', '--cache-dir', '--python',
    '--report', '--root-user-action', '--keyring-provider', '--use-feature', '--use-deprecated', '--group',
  ],
  yum: ['-c', '--config', '--installroot', '--releasever', '--enablerepo', '--disablerepo', '-x', '--exclude', '--setopt', '-d', '-e', '--repo', '--repoid'],
  dnf: ['-c', '--config', '--installroot', '--releasever', '--enablerepo', '--disablerepo', '-x', '--exclude', '--setopt', '-d', '-e', '--repo', '--repoid', '--forcearch'],
  microdnf: ['--config', '--installroot', '--releasever', '--enablerepo', '--disablerepo', '--setopt'],
  zypper: ['-R', '--root', '-D', '--reposd-dir', '-C', '--cache-dir', '-r', '--repo', '--from', '-t', '--type'],
  npm: ['--prefix', '--registry', '--tag', '-w', '--workspace', '--cache', '--omit', '--include'],
  gem: ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '--source', '-s', '--platform'],
  uv: ['-r', '--requirement', '-c', '--constraint', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-p', '--python', '-t', '--target', '--prefix', '--cache-dir'],
};

const PYTHON_MODULES = /^(pip\d*(\.\d+)?|venv|virtualenv|pipx|ensurepip|uv)$/;
const PYTHON = /^python(\d+(\.\d+)?)?$/;
const SHELLS = /^(sh|bash|ash|dash|zsh|ksh|mksh)$/;
const REDIRECTION = /^(\d*|&)(>>?|<<?|>&|<&|&>>?)/;

/** A word of an `sh -c` string with its characters mapped to the outer script. */
interface MappedText {
  text: string;
  /** Offset in the outer script of each character of `text`. */
  offsets: number[];
  /** Offset in the outer script just after the text. */
  end: number;
}

function matcherFor(manager: ManagerMatcher): (name: string) => boolean {
  if (typeof manager === 'string') return (name) => name === manager;
  if (typeof manager === 'function') return manager;
  if (manager instanceof RegExp) return (name) => manager.test(name);
  return (name) => manager.includes(name);
}

/** Names of `pip` as a program: pip, pip3, pip3.12. */
export const PIP_NAMES = /^pip(\d+(\.\d+)?)?$/;

/**
 * Every simple command of a script, with `sh -c "…"` strings read as scripts of their own (their
 * words' offsets mapped to the outer script), in the order they appear.
 */
export function allCommands(script: SourceText | string): { command: ShellCommand; nested: boolean }[] {
  // Offsets are the script's own, so the list is shared by every copy of an unchanged instruction.
  if (typeof script !== 'string') return script.derived('allCommands', () => collectAll(script));
  return collectAll(script);
}

function collectAll(script: SourceText | string): { command: ShellCommand; nested: boolean }[] {
  const text = typeof script === 'string' ? script : script.text;
  const commands = typeof script === 'string' ? parseShell(script) : script.commands;
  const out: { command: ShellCommand; nested: boolean }[] = [];
  collect(text, commands, null, out, 0);
  return out;
}

function collect(text: string, commands: ShellCommand[], map: MappedText | null, out: { command: ShellCommand; nested: boolean }[], depth: number): void {
  for (const raw of commands) {
    const command = map ? mapCommand(raw, map) : raw;
    out.push({ command, nested: map !== null });
    if (depth > 3) continue;
    const inner = shellString(raw);
    if (!inner) continue;
    const decoded = decodeWord(text, inner.start, inner.end);
    const composed: MappedText = map
      ? { text: decoded.text, offsets: decoded.offsets.map((o) => map.offsets[o] ?? map.end), end: map.offsets[inner.end - 1] !== undefined ? map.offsets[inner.end - 1] + 1 : map.end }
      : decoded;
    collect(decoded.text, parseShell(decoded.text), composed, out, depth + 1);
  }
}

/** The `-c` script word of `sh -c '…'` (offsets in `text`), or null. */
function shellString(command: ShellCommand): ShellWord | null {
  if (command.nameIndex < 0) return null;
  if (!SHELLS.test(baseCommandName(command))) return null;
  const words = command.words;
  for (let i = command.nameIndex + 1; i < words.length; i++) {
    const value = words[i].value;
    if (value === '--') return null;
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(value) && !value.startsWith('--')) {
      // The script is the first word after the options.
      for (let j = i + 1; j < words.length; j++) {
        if (words[j].value.startsWith('-') && !words[j].quoted) {
          if (words[j].value === '-o' || words[j].value === '+o') j++;
          continue;
        }
        return words[j];
      }
      return null;
    }
    if (!value.startsWith('-') && !value.startsWith('+')) return null; // `sh script.sh`
    if (value === '-o' || value === '+o') i++;
  }
  return null;
}

/**
 * Removes quotes and escapes from text[start, end) the way the shell reader does, remembering where
 * each character came from.
 */
export function decodeWord(text: string, start: number, end: number): MappedText {
  let out = '';
  const offsets: number[] = [];
  const push = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      out += text[k];
      offsets.push(k);
    }
  };
  let i = start;
  while (i < end) {
    const ch = text[i];
    if (ch === '\\') {
      if (i + 1 < end && text[i + 1] !== '\n') push(i + 1, i + 2);
      i += 2;
      continue;
    }
    if (ch === "'") {
      const close = text.indexOf("'", i + 1);
      const stop = close === -1 || close > end ? end : close;
      push(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (ch === '"') {
      i++;
      while (i < end && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < end && '"\\$`\n'.includes(text[i + 1])) {
          if (text[i + 1] !== '\n') push(i + 1, i + 2);
          i += 2;
          continue;
        }
        push(i, i + 1);
        i++;
      }
      i++;
      continue;
    }
    push(i, i + 1);
    i++;
  }
  return { text: out, offsets, end };
}

function mapOffset(map: MappedText, offset: number): number {
  return offset < map.offsets.length ? map.offsets[offset] : map.end;
}

function mapWord(word: ShellWord, map: MappedText): ShellWord {
  const start = mapOffset(map, word.start);
  const end = word.end > word.start ? mapOffset(map, word.end - 1) + 1 : start;
  return { ...word, start, end };
}

function mapCommand(command: ShellCommand, map: MappedText): ShellCommand {
  const words = command.words.map((w) => mapWord(w, map));
  return {
    ...command,
    words,
    start: words.length > 0 ? words[0].start : mapOffset(map, command.start),
    end: words.length > 0 ? words[words.length - 1].end : mapOffset(map, command.end),
  };
}

/**
 * The invocations of a package manager in a script, optionally only those with one of the given
 * subcommands (`findInvocations(script, 'apt-get', 'install')`, `findInvocations(script, PIP_NAMES, ['install'])`).
 */
export function findInvocations(
  script: SourceText | string,
  manager: ManagerMatcher,
  subcommands?: string | readonly string[] | null,
  options: FindOptions = {},
): PackageInvocation[] {
  // Offsets are the script's own: the result is shared by every copy of an unchanged instruction
  // (a matcher given as a function has no key, so it is not shared).
  if (typeof script !== 'string' && typeof manager !== 'function') {
    const key = invocationKey(manager, subcommands, options);
    return script.derived(key, () => searchInvocations(script, manager, subcommands, options));
  }
  return searchInvocations(script, manager, subcommands, options);
}

/** A memo key for one search; built on every keystroke for every RUN, so it avoids JSON.stringify. */
function invocationKey(manager: Exclude<ManagerMatcher, (name: string) => boolean>, subcommands: string | readonly string[] | null | undefined, options: FindOptions): string {
  const names = typeof manager === 'string' ? manager : manager instanceof RegExp ? String(manager) : manager.join(',');
  const wanted = subcommands == null ? '*' : typeof subcommands === 'string' ? subcommands : subcommands.join(',');
  return `findInvocations ${names} ${wanted} ${options.valueOptions?.join(',') ?? ''} ${options.pythonModule ?? ''} ${options.nested ?? ''}`;
}

function searchInvocations(
  script: SourceText | string,
  manager: ManagerMatcher,
  subcommands?: string | readonly string[] | null,
  options: FindOptions = {},
): PackageInvocation[] {
  const matches = matcherFor(manager);
  const wanted = subcommands == null ? null : typeof subcommands === 'string' ? [subcommands] : subcommands;
  const out: PackageInvocation[] = [];
  const list = options.nested === false
    ? (typeof script === 'string' ? parseShell(script) : script.commands).map((command) => ({ command, nested: false }))
    : allCommands(script);
  list.forEach(({ command, nested }, order) => {
    if (command.nameIndex < 0) return;
    const words = command.words;
    const program = words[command.nameIndex];
    const base = baseName(program.value);
    let manager = '';
    let module: ShellWord | null = null;
    let next = command.nameIndex + 1;
    if (matches(base)) {
      manager = base;
    } else if (PYTHON.test(base) && options.pythonModule !== false) {
      // python [-I -u -B …] -m pip …
      let i = next;
      while (i < words.length && /^-[A-Za-z]+$/.test(words[i].value) && words[i].value !== '-m' && words[i].value !== '-c') i++;
      if (i + 1 < words.length && words[i].value === '-m') {
        const name = words[i + 1].value;
        if (matches(name) && (options.pythonModule === true || PYTHON_MODULES.test(name))) {
          manager = name;
          module = words[i + 1];
          next = i + 2;
        }
      }
    }
    if (!manager) return;
    const valueOptions = new Set([...(VALUE_OPTIONS[tableKey(manager)] ?? []), ...(options.valueOptions ?? [])]);
    let subcommand: ShellWord | null = null;
    const globalArgs: ShellWord[] = [];
    let argsFrom = next;
    if (wanted) {
      let found = -1;
      let previousTakesValue = false;
      for (let i = next; i < words.length; i++) {
        const value = words[i].value;
        if (value.startsWith('-') && value.length > 1) {
          previousTakesValue = valueOptions.has(value) || (!value.includes('=') && /^--?[A-Za-z]/.test(value) && valueOptions.size === 0);
          continue;
        }
        if (wanted.includes(value)) {
          found = i;
          break;
        }
        if (previousTakesValue) {
          previousTakesValue = false;
          continue;
        }
        break;
      }
      if (found < 0) return;
      subcommand = words[found];
      globalArgs.push(...words.slice(next, found));
      argsFrom = found + 1;
    }
    const args = words.slice(argsFrom);
    out.push({
      command,
      program,
      manager,
      module,
      subcommand,
      globalArgs,
      args,
      packages: operands(args, valueOptions),
      nested,
      prefix: words.slice(0, command.nameIndex),
      order,
    });
  });
  return out;
}

/**
 * True when the program reads what the command before `|` prints (`yes | apt-get install …`); not
 * behind `xargs`, which reads the pipe for arguments and gives the program no input.
 */
export function readsPipe(inv: PackageInvocation): boolean {
  return inv.command.separatorBefore === '|' && !inv.prefix.some((word) => baseName(word.value) === 'xargs');
}

function baseName(value: string): string {
  return value.slice(value.lastIndexOf('/') + 1);
}

function tableKey(manager: string): string {
  if (PIP_NAMES.test(manager)) return 'pip';
  return manager;
}

/** The operands of a list of arguments: what is not an option, an option's value or a redirection. */
export function operands(args: readonly ShellWord[], valueOptions: ReadonlySet<string> = new Set()): ShellWord[] {
  const out: ShellWord[] = [];
  let endOfOptions = false;
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (!args[i].quoted && REDIRECTION.test(value)) {
      // `>file` is one word; `> file` takes the next one.
      if (/^(\d*|&)(>>?|<<?|>&|<&|&>>?)$/.test(value)) i++;
      continue;
    }
    if (!endOfOptions && value === '--') {
      endOfOptions = true;
      continue;
    }
    if (!endOfOptions && value.startsWith('-') && value.length > 1) {
      if (valueOptions.has(value)) i++;
      continue;
    }
    out.push(args[i]);
  }
  return out;
}

/** True when any of the words is one of the flags (`-y`, inside a short group `-qy`, `--yes`, `--yes=…`). */
export function hasAnyFlag(words: readonly ShellWord[], short: string | null, ...long: string[]): boolean {
  return words.some((word) => {
    const value = word.value;
    if (value.startsWith('--')) return long.includes(value.split('=')[0]);
    if (short && /^-[A-Za-z]+$/.test(value)) return value.slice(1).includes(short);
    return false;
  });
}

/** The RUN instructions of a list, with the RUN triggers of ONBUILD instructions. */
export function runInstructions(instructions: readonly Instruction[]): Instruction[] {
  const out: Instruction[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'RUN') out.push(instruction);
    else if (instruction.keyword === 'ONBUILD' && instruction.trigger?.keyword === 'RUN') out.push(instruction.trigger);
  }
  return out;
}

/** One `--mount=…` flag of a RUN, read into its options (`type` defaults to bind). */
export interface RunMount {
  type: string;
  target: string | null;
  options: Map<string, string>;
}

export function runMounts(instruction: Instruction): RunMount[] {
  const out: RunMount[] = [];
  for (const flag of instruction.flags) {
    if (flag.name.toLowerCase() !== 'mount' || flag.value === null) continue;
    const options = new Map<string, string>();
    for (const part of flag.value.split(',')) {
      const eq = part.indexOf('=');
      const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
      options.set(key, eq < 0 ? 'true' : part.slice(eq + 1).trim().replace(/^["']|["']$/g, ''));
    }
    const target = options.get('target') ?? options.get('dst') ?? options.get('destination') ?? null;
    out.push({ type: (options.get('type') ?? 'bind').toLowerCase(), target, options });
  }
  return out;
}

/** True when the RUN has a cache (or tmpfs) mount at `dir` or at a folder containing it. */
export function hasCacheMountCovering(instruction: Instruction, dir: string): boolean {
  const wanted = trimSlash(dir);
  return runMounts(instruction).some((mount) => {
    if ((mount.type !== 'cache' && mount.type !== 'tmpfs') || !mount.target) return false;
    const target = trimSlash(mount.target);
    return wanted === target || wanted.startsWith(target + '/');
  });
}

function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** True when the script runs `rm -r` (any spelling of the flags) on `dir`, its contents (`dir/*`) or a folder above it. */
export function removesPath(script: SourceText | string, dir: string): boolean {
  const wanted = trimSlash(dir);
  return allCommands(script).some(({ command }) => {
    if (baseCommandName(command) !== 'rm' || command.nameIndex < 0) return false;
    const args = command.words.slice(command.nameIndex + 1);
    const recursive = args.some((a) => /^-[A-Za-z]*[rR][A-Za-z]*$/.test(a.value) || a.value === '--recursive');
    if (!recursive) return false;
    return args.some((a) => {
      const path = trimSlash(a.value.replace(/\/\*$/, '').replace(/\/\.?\*$/, ''));
      return path === wanted || (path.length > 1 && wanted.startsWith(path + '/'));
    });
  });
}

/**
 * The stages whose layers end up in the image `docker build` produces: the final stage and the
 * stages it builds on (`FROM base AS final`).
 */
export function shippedStages(model: DockerfileModel): Set<Stage> {
  const out = new Set<Stage>();
  for (let stage = model.finalStage; stage && !out.has(stage); stage = stage.baseStage) out.add(stage);
  return out;
}

/**
 * The stages whose files can end up in the image: the shipped stages, and the stages they (or those,
 * in turn) `COPY --from`, with the stages those build on. COPY keeps the mode of the files it copies.
 * A `--from` that names no stage of the file (an image) adds nothing; one whose variables cannot be
 * resolved could be any earlier stage, so it adds them all.
 */
export function stagesInImage(model: DockerfileModel): Set<Stage> {
  const out = new Set<Stage>();
  const pending = model.finalStage ? [model.finalStage] : [];
  while (pending.length > 0) {
    const stage = pending.pop()!;
    if (out.has(stage)) continue;
    out.add(stage);
    if (stage.baseStage) pending.push(stage.baseStage);
    for (const instruction of stage.instructions) {
      const from = instruction.keyword === 'COPY' ? flagValue(instruction, 'from') : undefined;
      if (from) pending.push(...copiedStages(model, stage, from));
    }
  }
  return out;
}

function copiedStages(model: DockerfileModel, stage: Stage, from: string): Stage[] {
  const earlier = model.stages.slice(0, stage.index);
  const value = expandVariables(from, model.globalArgValues).toLowerCase();
  if (value.includes('$')) return earlier;
  if (/^\d+$/.test(value)) return earlier.filter((s) => s.index === Number(value));
  return earlier.filter((s) => s.name !== null && s.name.toLowerCase() === value);
}

/**
 * The RUNs with a script (ONBUILD RUNs included) whose layers end up in the image: those of the
 * shipped stages, and those before the first FROM, which belong to no stage.
 */
export function shippedRuns(model: DockerfileModel): { run: Instruction; script: SourceText; stage: Stage | null }[] {
  const shipped = shippedStages(model);
  const out: { run: Instruction; script: SourceText; stage: Stage | null }[] = [];
  for (const run of runInstructions(model.instructions)) {
    if (!run.script) continue;
    const stage = model.stageOf(run);
    if (stage && !shipped.has(stage)) continue;
    out.push({ run, script: run.script, stage });
  }
  return out;
}

/** A stage and the earlier stages of this file it builds on, base first. */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let current: Stage | null = stage; current && !chain.includes(current); current = current.baseStage) chain.unshift(current);
  return chain;
}

/** The instructions that run before `instruction` in its stage, including those of the stages it builds on. */
export function instructionsBefore(stage: Stage, instruction: Instruction | null): Instruction[] {
  const out: Instruction[] = [];
  for (const current of stageChain(stage)) {
    for (const candidate of current.instructions) {
      if (candidate === instruction) return out;
      out.push(candidate);
    }
  }
  return out;
}

/** The value ENV (or ARG, with its default) last gives `name` among `instructions`; undefined when never set. */
export function lastSetValue(instructions: readonly Instruction[], name: string, keywords: readonly string[] = ['ENV', 'ARG']): string | null | undefined {
  let value: string | null | undefined;
  for (const instruction of instructions) {
    if (!keywords.includes(instruction.keyword)) continue;
    for (const prop of instruction.properties) if (prop.name === name) value = prop.value;
  }
  return value;
}

/**
 * The ARG and ENV values in force at `instruction`: those set before it in its stage and the stages
 * it builds on (ARG defaults included, earlier values expanded in later ones), an `ARG NAME` without
 * a value taking the default of the ARG before the first FROM. A name declared without any value maps
 * to null.
 */
export function variablesAt(model: DockerfileModel, stage: Stage, instruction: Instruction): Map<string, string | null> {
  const values = new Map<string, string | null>();
  for (const candidate of instructionsBefore(stage, instruction)) {
    if (candidate.keyword !== 'ARG' && candidate.keyword !== 'ENV') continue;
    for (const prop of candidate.properties) {
      if (prop.value !== null) values.set(prop.name, expandVariables(prop.value, values));
      else if (!values.has(prop.name)) values.set(prop.name, model.globalArgValues.get(prop.name) ?? null);
    }
  }
  return values;
}

/** An edit inserting `text` just after a word of the script (on the word's own line, even before a line continuation). */
export function insertAfterWord(script: SourceText, word: ShellWord, text: string): TextEdit {
  const at = script.rangeOf(word.start, word.end).end;
  return { range: { start: at, end: at }, newText: text };
}
