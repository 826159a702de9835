/**
 * Registers the Docker commands. Each returns a result object (the build result, the container,
 * the probe, the report…) so `vscode.commands.executeCommand` callers and tests can read it, and
 * each takes an optional Uri (the Dockerfile or compose file; default: the active editor). Stop
 * Containers also takes a `StopSelection` (`{ all: true }` or `{ ids }`) in place of its picker.
 */
import * as vscode from 'vscode';
import { buildAndCheckCommand, composeUpAndCheckCommand } from './check-commands';
import { FromCodeLensProvider } from './code-lens';
import { probeHealthCommand, stopContainersCommand } from './container-commands';
import { buildImageCommand, runContainerCommand } from './docker-commands';
import { ReportPanel } from './report-panel';
import { RuntimeSession } from './session';

export const COMMAND_IDS = [
  'shipshape.buildImage',
  'shipshape.runContainer',
  'shipshape.probeHealth',
  'shipshape.buildAndCheck',
  'shipshape.composeUpAndCheck',
  'shipshape.stopContainers',
] as const;

let activeSession: RuntimeSession | undefined;

export function registerCommands(context: vscode.ExtensionContext): RuntimeSession {
  const session = new RuntimeSession(context);
  activeSession = session;
  const panel = new ReportPanel(context);
  const lenses = new FromCodeLensProvider();
  context.subscriptions.push(
    session,
    vscode.commands.registerCommand('shipshape.buildImage', (uri?: vscode.Uri) => buildImageCommand(session, uri)),
    vscode.commands.registerCommand('shipshape.runContainer', (uri?: vscode.Uri) => runContainerCommand(session, uri)),
    vscode.commands.registerCommand('shipshape.probeHealth', (uri?: vscode.Uri) => probeHealthCommand(session, uri)),
    vscode.commands.registerCommand('shipshape.buildAndCheck', (uri?: vscode.Uri) => buildAndCheckCommand(session, panel, uri)),
    vscode.commands.registerCommand('shipshape.composeUpAndCheck', (uri?: vscode.Uri, service?: string) => composeUpAndCheckCommand(session, panel, uri, service)),
    vscode.commands.registerCommand('shipshape.stopContainers', (arg?: unknown, selection?: unknown) => stopContainersCommand(session, arg, selection)),
    vscode.languages.registerCodeLensProvider([{ language: 'dockerfile', scheme: 'file' }, { pattern: '**/{Dockerfile,Containerfile,*.Dockerfile,*.dockerfile,Dockerfile.*,Containerfile.*}', scheme: 'file' }], lenses),
    vscode.workspace.onDidGrantWorkspaceTrust(() => lenses.refresh()),
  );
  return session;
}

/**
 * For the extension's deactivate: aborts the Docker runs in progress and waits (bounded) until they
 * have removed their containers. VS Code waits for deactivate, not for disposables.
 */
export function deactivateCommands(): Promise<void> {
  const session = activeSession;
  activeSession = undefined;
  return session?.dispose() ?? Promise.resolve();
}
