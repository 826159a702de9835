/**
 * Which basic language features (completion, hover docs, formatting, outline, semantic
 * highlighting, compose schema checks…) Shipshape gives. `auto` turns them off for a file kind
 * when Docker DX (docker.docker) or Container Tools (ms-azuretools.vscode-containers) is
 * installed, so nothing shows twice; diagnostics, quick fixes and the hover of findings stay.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const OTHER_DOCKER_EXTENSIONS = ['docker.docker', 'ms-azuretools.vscode-containers'] as const;
export const LANGUAGE_FEATURES_NOTIFICATION = 'shipshape/languageFeatures';

export type FeatureSetting = 'auto' | 'on' | 'off';

export interface LanguageFeatureSwitches {
  dockerfile: boolean;
  compose: boolean;
}

/** The installed extensions among Docker DX and Container Tools. */
export function otherDockerExtensions(): string[] {
  return OTHER_DOCKER_EXTENSIONS.filter((id) => vscode.extensions.getExtension(id) !== undefined);
}

export function decide(setting: FeatureSetting | undefined, othersInstalled: boolean): boolean {
  if (setting === 'on') return true;
  if (setting === 'off') return false;
  return !othersInstalled;
}

export function currentSwitches(): LanguageFeatureSwitches {
  const config = vscode.workspace.getConfiguration('shipshape.languageFeatures');
  const others = otherDockerExtensions().length > 0;
  return {
    dockerfile: decide(config.get<FeatureSetting>('dockerfile'), others),
    compose: decide(config.get<FeatureSetting>('compose'), others),
  };
}

/** Sends the switches to the server whenever the settings or the installed extensions change. */
export function followLanguageFeatureSwitches(client: LanguageClient): vscode.Disposable {
  let last = JSON.stringify(currentSwitches());
  const update = () => {
    const next = currentSwitches();
    if (JSON.stringify(next) === last) return;
    last = JSON.stringify(next);
    void client.sendNotification(LANGUAGE_FEATURES_NOTIFICATION, next);
  };
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('shipshape.languageFeatures')) update();
    }),
    vscode.extensions.onDidChange(update),
  );
}
