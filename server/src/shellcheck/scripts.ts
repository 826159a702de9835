/**
 * The shell scripts of a Dockerfile as ShellCheck should see them: one per shell-form RUN (or RUN
 * heredoc run by a shell), in the dialect of the stage's SHELL or of a `# shipshape shell=…`
 * pragma, with the ARG and ENV names known at that point declared on a line before the script so
 * "referenced but not assigned" is not reported for them.
 */
import { isWindowsImage } from '../dockerfile/image-contents';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import type { Instruction } from '../dockerfile/instruction';
import type { SourceText } from '../dockerfile/source-text';

/** The dialects ShellCheck reads. */
export type ShellDialect = 'sh' | 'bash' | 'dash' | 'ksh';

export interface ShellScript {
  instruction: Instruction;
  /** The script in the document (offsets map to document ranges). */
  source: SourceText;
  shell: ShellDialect;
  /** ARG/ENV names declared before the script. */
  names: string[];
  /** What ShellCheck reads: the declarations line (when there are names), then the script. */
  input: string;
  /** Lines of `input` before the script starts (0 or 1). */
  prefixLines: number;
  /** Codes disabled by `# shellcheck disable=…` comments right above or inside the instruction. */
  disabled: Set<string>;
  /** The dialect and the input: what ShellCheck's answer depends on. */
  key: string;
}

/** `sh`, `bash`… for a shell program path; null for shells ShellCheck does not read (pwsh, cmd, zsh, fish). */
export function dialectOf(program: string): ShellDialect | null {
  const base = program.trim().replace(/\\/g, '/').split('/').pop()!.toLowerCase().replace(/\.exe$/, '');
  if (base === 'sh' || base === 'ash' || base === 'busybox') return 'sh';
  if (base === 'bash') return 'bash';
  if (base === 'dash') return 'dash';
  if (base === 'ksh' || base === 'mksh' || base === 'ksh93' || base === 'pdksh') return 'ksh';
  return null;
}

const SHELL_PRAGMA = /^\s*#\s*(?:shipshape|hadolint)\s+shell\s*=\s*(\S+)/i;
const SHELLCHECK_DISABLE = /^\s*#\s*shellcheck\s+disable\s*=\s*([A-Za-z0-9_,\s]+)/i;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Build arguments every RUN sees without declaring them. */
const PREDEFINED = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'];
const HEREDOC_SHELL = /^\s*((?:\/[^\s/]+)*\/?[A-Za-z0-9_.-]+)(?:\s+-[A-Za-z]+)*\s+<</;
const SHEBANG = /^#!\s*(\S+)(?:\s+(\S+))?/;

interface ShellChoice {
  line: number;
  shell: ShellDialect | null;
  /** The stage a pragma is in; null before the first FROM (then it is for the whole file). */
  stage?: Stage | null;
}

export function shellScripts(model: DockerfileModel): ShellScript[] {
  const pragmas: ShellChoice[] = [];
  for (const comment of model.comments) {
    const match = SHELL_PRAGMA.exec(comment.text);
    if (!match) continue;
    const stage = [...model.stages].reverse().find((s) => s.from.range.start.line < comment.line) ?? null;
    pragmas.push({ line: comment.line, shell: dialectOf(match[1]), stage });
  }
  const scripts: ShellScript[] = [];
  for (const stage of model.stages) {
    const chain = stageChain(stage);
    // Windows images run RUN with cmd unless SHELL says otherwise; a backtick escape means the same.
    const windows = model.escape === '`' || isWindowsImage(stage);
    // The SHELL and the ARG/ENV names in force, instruction by instruction: first those of the stages it builds on.
    const state = { shell: { line: -1, shell: windows ? null : 'sh' } as ShellChoice, names: new Set<string>(PREDEFINED), namesKey: null as string | null };
    for (const ancestor of chain.slice(0, -1)) for (const instruction of ancestor.instructions) declare(state, instruction);
    for (const instruction of stage.instructions) {
      const script = scriptOf(model, instruction, chain, pragmas, state);
      if (script) scripts.push(script);
      declare(state, instruction);
    }
  }
  return scripts;
}

interface ShellState {
  shell: ShellChoice;
  names: Set<string>;
  /** `names` joined, once asked for (reset when a name is added). */
  namesKey: string | null;
}

function declare(state: ShellState, instruction: Instruction): void {
  if (instruction.keyword === 'SHELL' && instruction.json && instruction.json.length > 0) {
    state.shell = { line: instruction.range.start.line, shell: dialectOf(instruction.json[0].value) };
  } else if (instruction.keyword === 'ARG' || instruction.keyword === 'ENV') {
    for (const prop of instruction.properties) {
      if (!IDENTIFIER.test(prop.name) || state.names.has(prop.name)) continue;
      state.names.add(prop.name);
      state.namesKey = null;
    }
  }
}

/** The last script made for each RUN, reused while its shell, names and disabled codes are the same. */
const madeScripts = new WeakMap<Instruction, ShellScript>();

function scriptOf(model: DockerfileModel, instruction: Instruction, chain: Stage[], pragmas: ShellChoice[], state: ShellState): ShellScript | null {
  if (instruction.keyword !== 'RUN' || !instruction.script || instruction.json) return null;
  const line = instruction.range.start.line;
  // The later of the last SHELL of its stages and the last shell pragma before it, in those stages or before the first FROM.
  let choice = state.shell;
  for (const pragma of pragmas) {
    if (pragma.line < line && pragma.line > choice.line && (!pragma.stage || chain.includes(pragma.stage))) choice = pragma;
  }
  let shell = choice.shell;
  const heredoc = heredocShell(instruction);
  if (heredoc === 'skip') return null;
  if (heredoc !== 'default') shell = heredoc;
  if (shell === null) return null;
  state.namesKey ??= [...state.names].join(' ');
  const disabled = disabledCodes(model, instruction);
  const made = madeScripts.get(instruction);
  if (made && made.shell === shell && made.names.join(' ') === state.namesKey && sameCodes(made.disabled, disabled)) return made;
  const names = [...state.names];
  const text = instruction.script.text.replace(/\r/g, ' ');
  const prefix = names.length > 0 ? `export ${names.join(' ')}\n` : '';
  const script: ShellScript = {
    instruction,
    source: instruction.script,
    shell,
    names,
    input: prefix + text,
    prefixLines: prefix ? 1 : 0,
    disabled,
    key: `${shell}\n${prefix}${text}`,
  };
  madeScripts.set(instruction, script);
  return script;
}

function sameCodes(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false;
  for (const code of a) if (!b.has(code)) return false;
  return true;
}

/** The stage and the stages it builds on, the oldest first. */
function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | null = stage; s && !chain.includes(s); s = s.baseStage) chain.unshift(s);
  return chain;
}

/**
 * For a RUN with heredocs: `default` when its script is run by the stage's shell, a dialect when
 * the heredoc names its own shell (`RUN bash <<EOF`, a `#!/bin/bash` line), `skip` when the script
 * is not a shell script or the model does not have it whole (`RUN python3 <<EOF`, `RUN cat <<EOF > f`).
 */
function heredocShell(instruction: Instruction): ShellDialect | 'default' | 'skip' {
  if (instruction.heredocs.length === 0) return 'default';
  const command = instruction.argsText?.text ?? '';
  // The script is the heredoc body only when the model took it from there.
  if (instruction.script!.text === command) return 'skip';
  const shebang = SHEBANG.exec(instruction.script!.text);
  if (shebang) {
    const program = /(^|\/)env$/.test(shebang[1]) ? shebang[2] ?? '' : shebang[1];
    return dialectOf(program) ?? 'skip';
  }
  const named = HEREDOC_SHELL.exec(command);
  if (named) return dialectOf(named[1]) ?? 'skip';
  return 'default';
}

/** Codes of `# shellcheck disable=SC2086,SC2046` comments directly above the instruction or among its lines. */
function disabledCodes(model: DockerfileModel, instruction: Instruction): Set<string> {
  const codes = new Set<string>();
  const add = (text: string) => {
    const match = SHELLCHECK_DISABLE.exec(text);
    if (match) for (const code of match[1].split(/[\s,]+/)) if (code) codes.add(code.toUpperCase());
  };
  for (const inner of instruction.innerComments) add(inner.text);
  for (let line = instruction.range.start.line - 1; line >= 0; line--) {
    const text = model.index.lineText(line);
    if (!/^\s*#/.test(text)) break;
    add(text);
  }
  return codes;
}
