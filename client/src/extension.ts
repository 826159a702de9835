/** Wires VS Code to the Shipshape language server. */
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export const DOCUMENT_SELECTOR: LanguageClientOptions['documentSelector'] = [
  { language: 'dockerfile' },
  { pattern: '**/{Dockerfile,Containerfile,*.Dockerfile,*.dockerfile,*.Containerfile,Dockerfile.*,Containerfile.*}' },
  // Compose files, also when VS Code calls them yaml (the server checks the name).
  { language: 'dockercompose' },
  { pattern: '**/*compose*.{yml,yaml}' },
  { pattern: '**/.dockerignore' },
  { pattern: '**/*.dockerignore' },
];

export async function activate(context: ExtensionContext): Promise<void> {
  // Docker commands (Build Image, Run Container, Build and Check…); required lazily, as they need vscode.
  (require('./commands') as typeof import('./commands')).registerCommands(context);
  // Status bar, rule documentation, Fix all, and the language feature switches.
  const experience = require('./editor-experience') as typeof import('./editor-experience');
  experience.registerEditorExperience(context);
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  // Loaded here so this module (and its DOCUMENT_SELECTOR) can be imported outside VS Code.
  const { workspace } = require('vscode') as typeof import('vscode');
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    // Created, changed or deleted .dockerignore files re-lint the Dockerfiles beside them; a changed .hadolint.yaml re-lints all.
    synchronize: {
      configurationSection: 'shipshape',
      fileEvents: [workspace.createFileSystemWatcher('**/{.dockerignore,*.dockerignore}'), workspace.createFileSystemWatcher('**/.hadolint.{yaml,yml}')],
    },
    ...experience.editorClientOptions(),
  };
  client = new LanguageClient('shipshape', 'Shipshape', serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push(experience.followClient(client));
  context.subscriptions.push({ dispose: () => void client?.stop() });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
