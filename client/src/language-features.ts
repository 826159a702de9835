/**
 * Follows which basic language features (completion, hover docs, formatting, outline, semantic
 * highlighting, compose schema checks…) Shipshape gives: language-feature-switches.ts decides
 * from the settings and the installed extensions; this sends the answer to the server.
 * Diagnostics, quick fixes and the hover of findings stay on either way.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { OTHER_DOCKER_EXTENSIONS, switchesFor, type LanguageFeatureSwitches } from './language-feature-switches';

export const LANGUAGE_FEATURES_NOTIFICATION = 'shipshape/languageFeatures';

/** The installed extensions among Docker DX and Container Tools. */
export function otherDockerExtensions(): string[] {
  return OTHER_DOCKER_EXTENSIONS.filter((id) => vscode.extensions.getExtension(id) !== undefined);
}

export function currentSwitches(): LanguageFeatureSwitches {
  const config = vscode.workspace.getConfiguration('shipshape.languageFeatures');
  return switchesFor({ dockerfile: config.get('dockerfile'), compose: config.get('compose') }, otherDockerExtensions());
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
