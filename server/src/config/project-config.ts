/**
 * The project configuration of one linted file: the nearest `.hadolint.yaml` / `.hadolint.yml`
 * (the file's folder, then each parent up to the workspace root or the filesystem root, then the
 * user's `$XDG_CONFIG_HOME/hadolint.yaml`), merged under our own settings: `shipshape.rules` wins
 * over the file's `ignored` and `override`.
 */
import { dirname, join, resolve } from 'node:path';
import { configuredLevel } from '../engine/lint';
import type { RuleMeta } from '../engine/rule';
import { ruleNameKey } from '../engine/rule-names';
import type { RuleLevel, Settings } from '../engine/settings';
import { parseHadolintConfig, type ConfigProblem, type HadolintConfig } from './hadolint-file';

export const CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml'] as const;

export interface ProjectConfig {
  /** Absolute path of the file that was read; null when none was found. */
  path: string | null;
  /** What the file says (defaults for the parts it got wrong); null when there is no file. */
  hadolint: HadolintConfig | null;
  problems: ConfigProblem[];
}

/** Reads a file by absolute path; undefined when it does not exist or cannot be read. */
export type ReadFile = (absolutePath: string) => string | undefined;

export interface FindOptions {
  /** Folders the search stops at (inclusive): the workspace folders. */
  roots?: readonly string[];
  /** Where a user-wide `hadolint.yaml` is looked for when the project has none; null for nowhere. */
  userConfigDir?: string | null;
}

export const NO_PROJECT_CONFIG: ProjectConfig = Object.freeze({ path: null, hadolint: null, problems: [] }) as ProjectConfig;

/** The config that applies to files in folder `dir`. */
export function findProjectConfig(dir: string, readFile: ReadFile, options: FindOptions = {}): ProjectConfig {
  const roots = new Set((options.roots ?? []).map((root) => resolve(root)));
  let current = resolve(dir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const path = join(current, name);
      const text = readFile(path);
      if (text !== undefined) return readProjectConfig(path, text);
    }
    if (roots.has(current)) break;
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  if (options.userConfigDir) {
    const path = join(options.userConfigDir, 'hadolint.yaml');
    const text = readFile(path);
    if (text !== undefined) return readProjectConfig(path, text);
  }
  return NO_PROJECT_CONFIG;
}

export function readProjectConfig(path: string, text: string): ProjectConfig {
  const { config, problems } = parseHadolintConfig(text);
  return { path, hadolint: config, problems };
}

/** `$XDG_CONFIG_HOME`, else `~/.config`; null when neither is known. */
export function userConfigDir(env: Record<string, string | undefined>): string | null {
  if (env.XDG_CONFIG_HOME) return env.XDG_CONFIG_HOME;
  const home = env.HOME ?? env.USERPROFILE;
  return home ? join(home, '.config') : null;
}

/** Finds configs by folder and remembers them until `clear()` (a config file changed). */
export class ProjectConfigCache {
  private readonly byFolder = new Map<string, ProjectConfig>();

  constructor(
    private readonly readFile: ReadFile,
    private options: FindOptions = {},
  ) {}

  setOptions(options: FindOptions): void {
    this.options = options;
    this.clear();
  }

  forFile(path: string): ProjectConfig {
    const folder = dirname(resolve(path));
    let config = this.byFolder.get(folder);
    if (!config) {
      config = findProjectConfig(folder, this.readFile, this.options);
      this.byFolder.set(folder, config);
    }
    return config;
  }

  clear(): void {
    this.byFolder.clear();
  }
}

/** The rule levels a hadolint config asks for: `override` severities, and `ignored` rules off (ignored wins). */
export function configRuleLevels(config: HadolintConfig): Record<string, RuleLevel> {
  const levels: Record<string, RuleLevel> = {};
  for (const [id, severity] of config.override) levels[id] = severity;
  for (const id of config.ignored) levels[id] = 'off';
  return levels;
}

const SHELLCHECK_CODE = /^sc\d+$/i;

/**
 * Our settings with the project config under them: a rule's level comes from `user.rules` when they
 * name the rule (by id or any alias), else from the config file. The result names every configured
 * rule by its id, so the engine finds it whatever name each side used. `hadolint` carries the file's
 * other settings (trusted registries, label schema) to the rules.
 */
export function settingsWithConfig(user: Settings, project: ProjectConfig | null, rules: readonly Pick<RuleMeta, 'id' | 'aliases'>[]): Settings {
  const hadolint = project?.hadolint ?? null;
  if (!hadolint) return { ...user, hadolint: null };
  const fromFile = { rules: configRuleLevels(hadolint) };
  if (Object.keys(fromFile.rules).length === 0) return { ...user, hadolint };
  const userRules = user.rules ?? {};
  const merged: Record<string, RuleLevel> = { ...userRules };
  const ruleNames = new Set<string>();
  for (const rule of rules) {
    for (const name of [rule.id, ...rule.aliases]) ruleNames.add(ruleNameKey(name));
    const level = configuredLevel(rule, user) ?? configuredLevel(rule, fromFile);
    if (level !== undefined) merged[rule.id] = level;
  }
  // Ids that are no rule of ours (ShellCheck's SCxxxx, rules of another version): ours still win.
  const userNames = new Set(Object.keys(userRules).map(ruleNameKey));
  for (const [id, level] of Object.entries(fromFile.rules)) {
    const name = ruleNameKey(id);
    if (ruleNames.has(name) || userNames.has(name)) continue;
    if (SHELLCHECK_CODE.test(name) && userNames.has('shellcheck')) continue;
    merged[id] = level;
  }
  return { ...user, rules: merged, hadolint };
}

/** The file's problems as one line each, for logs and the CLI (`path:line:column: message`). */
export function describeProblems(project: ProjectConfig): string[] {
  return project.problems.map((p) => `${project.path ?? '.hadolint.yaml'}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`);
}
