/** Wires VS Code to the Shipshape language server, the Docker commands and the editor extras. */
import * as path from 'node:path';
import { workspace, type ExtensionContext } from 'vscode';
import serverNodeOptions from '../../server/src/launch/node-options.json';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { deactivateCommands, registerCommands } from './commands';
import { editorClientOptions, followClient, registerEditorExperience } from './editor-experience';

let client: LanguageClient | undefined;

const DOCUMENT_SELECTOR: LanguageClientOptions['documentSelector'] = [
  { language: 'dockerfile' },
  { pattern: '**/{Dockerfile,Containerfile,*.Dockerfile,*.dockerfile,*.Containerfile,Dockerfile.*,Containerfile.*}' },
  // Compose files, also when VS Code calls them yaml (the server checks the name).
  { language: 'dockercompose' },
  { pattern: '**/*compose*.{yml,yaml}' },
  { pattern: '**/.dockerignore' },
  { pattern: '**/*.dockerignore' },
];

/**
 * V8 lets the young generation grow to 16 MiB per semi-space; the server's garbage is short-lived
 * (each keystroke's parse and findings), and 4 MiB keep it 15–30 MiB smaller while typing at no
 * measurable cost in latency (`npm run bench` starts the server the same way).
 */
const SERVER_NODE_OPTIONS: string[] = serverNodeOptions;

export async function activate(context: ExtensionContext): Promise<void> {
  registerCommands(context);
  registerEditorExperience(context);
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_OPTIONS } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    // Created, changed or deleted .dockerignore and compose files re-lint the Dockerfiles in and below their folder; a changed .hadolint.yaml re-lints all.
    synchronize: {
      configurationSection: 'shipshape',
      fileEvents: [
        workspace.createFileSystemWatcher('**/{.dockerignore,*.dockerignore}'),
        workspace.createFileSystemWatcher('**/{compose,docker-compose}*.{yaml,yml}'),
        workspace.createFileSystemWatcher('**/.hadolint.{yaml,yml}'),
      ],
    },
    ...editorClientOptions(),
  };
  client = new LanguageClient('shipshape', 'Shipshape', serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push(followClient(client));
  context.subscriptions.push({ dispose: () => void client?.stop() });
}

export async function deactivate(): Promise<void> {
  // Docker runs in progress are aborted and remove their containers before the extension host goes.
  await Promise.all([client?.stop(), deactivateCommands()]);
  client = undefined;
}
