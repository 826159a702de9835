/**
 * Which basic language features Shipshape gives for each file kind, from the
 * `shipshape.languageFeatures.*` settings and the other Docker extensions installed. `auto` (and
 * any value that is not `on` or `off`) turns a kind's features off when Docker DX (docker.docker)
 * or Container Tools (ms-azuretools.vscode-containers) is installed, so nothing shows twice. Pure:
 * it imports nothing from `vscode`.
 */
export const OTHER_DOCKER_EXTENSIONS = ['docker.docker', 'ms-azuretools.vscode-containers'] as const;

export type FeatureSetting = 'auto' | 'on' | 'off';

export interface LanguageFeatureSwitches {
  dockerfile: boolean;
  compose: boolean;
}

/** The settings as read from the configuration: anything may be there. */
export interface LanguageFeatureSettings {
  dockerfile?: unknown;
  compose?: unknown;
}

export function decide(setting: unknown, othersInstalled: boolean): boolean {
  if (setting === 'on') return true;
  if (setting === 'off') return false;
  return !othersInstalled;
}

/** Whether any of `installedIds` is Docker DX or Container Tools (extension ids ignore case). */
export function othersInstalled(installedIds: readonly string[]): boolean {
  const others = new Set<string>(OTHER_DOCKER_EXTENSIONS);
  return installedIds.some((id) => others.has(id.toLowerCase()));
}

export function switchesFor(settings: LanguageFeatureSettings, installedIds: readonly string[]): LanguageFeatureSwitches {
  const others = othersInstalled(installedIds);
  return { dockerfile: decide(settings.dockerfile, others), compose: decide(settings.compose, others) };
}
