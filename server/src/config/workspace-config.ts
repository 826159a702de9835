/**
 * Project configuration for the front ends (language server, CLI): finds and caches the
 * `.hadolint.yaml` of each folder, merges it under our settings and says once what is wrong with
 * a broken file.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { RuleMeta } from '../engine/rule';
import type { Settings } from '../engine/settings';
import { ProjectConfigCache, settingsWithConfig, userConfigDir, type ProjectConfig, type ReadFile } from './project-config';

export const readFileOrUndefined: ReadFile = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** True for `.hadolint.yaml`, `.hadolint.yml` and the user-wide `hadolint.yaml`. */
export function isHadolintConfigPath(path: string): boolean {
  return /^\.?hadolint\.ya?ml$/.test(basename(path.split('?')[0]));
}

export class WorkspaceConfig {
  private readonly cache: ProjectConfigCache;
  /** Config files whose problems were reported, with the problems' text (reported again only when it changes). */
  private readonly reported = new Map<string, string>();

  constructor(
    private readonly rules: readonly Pick<RuleMeta, 'id' | 'aliases'>[],
    readFile: ReadFile = readFileOrUndefined,
    private readonly env: Record<string, string | undefined> = process.env,
    roots: readonly string[] = [],
  ) {
    this.cache = new ProjectConfigCache(readFile, { roots, userConfigDir: userConfigDir(env) });
  }

  setRoots(roots: readonly string[]): void {
    this.cache.setOptions({ roots, userConfigDir: userConfigDir(this.env) });
  }

  /** The config for a file (none for text without a path). */
  projectFor(path: string | undefined): ProjectConfig | null {
    return path === undefined ? null : this.cache.forFile(path);
  }

  /**
   * `user` settings with the file's project config under them. Without a path, the settings are
   * returned as they are (rules may still look for a config through the file access).
   */
  settingsFor(path: string | undefined, user: Settings): Settings {
    const project = this.projectFor(path);
    return project ? settingsWithConfig(user, project, this.rules) : user;
  }

  /**
   * The config's problems when they have not been reported yet (or changed since), else null; an
   * empty list means a file that was broken is fine again.
   */
  newProblems(project: ProjectConfig | null): ProjectConfig['problems'] | null {
    if (!project?.path) return null;
    const text = JSON.stringify(project.problems);
    const before = this.reported.get(project.path);
    if (before === text || (before === undefined && project.problems.length === 0)) return null;
    this.reported.set(project.path, text);
    return project.problems;
  }

  /** A config file changed: read everything again. */
  changed(): void {
    this.cache.clear();
  }
}
