/**
 * A test editor: spawns the bundled server over stdio and talks JSON-RPC to it as VS Code does,
 * keeping each open document's text and version and applying workspace edits locally.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type Diagnostic,
  type CodeAction,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const SERVER = join(__dirname, '..', '..', '..', 'dist', 'server.js');

export class TestEditor {
  readonly connection: ProtocolConnection;
  private readonly process: ChildProcess;
  readonly documents = new Map<string, TextDocument>();
  /** Every diagnostics notification, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  private waiters: (() => void)[] = [];
  configuration: unknown = {};
  stderr = '';
  /** Capabilities the server registered dynamically (client/registerCapability), by registration id. */
  readonly registrations = new Map<string, { method: string; registerOptions?: unknown }>();

  constructor() {
    this.process = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk) => (this.stderr += chunk));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => this.configuration));
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onRequest('client/registerCapability', (params: { registrations: { id: string; method: string; registerOptions?: unknown }[] }) => {
      for (const registration of params.registrations) this.registrations.set(registration.id, registration);
      return null;
    });
    this.connection.onRequest('client/unregisterCapability', (params: { unregisterations: { id: string }[] }) => {
      for (const gone of params.unregisterations) this.registrations.delete(gone.id);
      return null;
    });
    this.connection.listen();
  }

  get pid(): number {
    return this.process.pid!;
  }

  get exitCode(): number | null {
    return this.process.exitCode;
  }

  /** `textDocument`: more text document capabilities; `initializationOptions` as a client would send them. Returns the server's capabilities. */
  async initialize(options: { textDocument?: Record<string, unknown>; initializationOptions?: unknown } = {}): Promise<Record<string, unknown>> {
    const result = (await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: { configuration: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
        textDocument: { publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true }, codeAction: { isPreferredSupport: true }, ...options.textDocument },
      },
    })) as { capabilities: Record<string, unknown> };
    await this.connection.sendNotification('initialized', {});
    return result.capabilities;
  }

  /** Any request to the server (completion, hover, definition…). */
  async request<T = unknown>(method: string, params: unknown): Promise<T> {
    return (await this.connection.sendRequest(method, params)) as T;
  }

  async open(uri: string, text: string, languageId = 'dockerfile'): Promise<void> {
    this.documents.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends incremental changes as one new version; returns that version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const current = this.documents.get(uri)!;
    const next = TextDocument.update(current, changes, current.version + 1);
    this.documents.set(uri, next);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges: changes });
    return next.version;
  }

  /** Types `text` one character at a time at `offset`, a version per keystroke; returns the versions. */
  async type(uri: string, offset: number, text: string): Promise<number[]> {
    const versions: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const document = this.documents.get(uri)!;
      const at = document.positionAt(offset + i);
      versions.push(await this.change(uri, [{ range: { start: at, end: at }, text: text[i] }]));
    }
    return versions;
  }

  text(uri: string): string {
    return this.documents.get(uri)!.getText();
  }

  /** The diagnostics published for exactly this version (waits for them). */
  async diagnostics(uri: string, version: number, timeoutMs = 10000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.published.find((p) => p.uri === uri && p.version === version);
      if (found) return found.diagnostics;
      const newer = this.published.find((p) => p.uri === uri && (p.version ?? -1) > version);
      if (newer) throw new Error(`version ${newer.version} was published but ${version} never was`);
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[]): Promise<CodeAction[]> {
    return (await this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } })) as CodeAction[];
  }

  /** Applies a workspace edit to the open documents (as the editor would) and sends the changes. Returns created file uris. */
  async apply(edit: WorkspaceEdit): Promise<{ created: Map<string, string>; versions: Map<string, number> }> {
    const created = new Map<string, string>();
    const versions = new Map<string, number>();
    for (const change of edit.documentChanges ?? []) {
      if ('kind' in change) {
        if (change.kind === 'create') created.set(change.uri, '');
        continue;
      }
      const uri = change.textDocument.uri;
      if (created.has(uri)) {
        created.set(uri, TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 0, created.get(uri)!), change.edits as never));
        continue;
      }
      const document = this.documents.get(uri);
      if (!document) throw new Error(`edit for a document that is not open: ${uri}`);
      if (change.textDocument.version !== null && change.textDocument.version !== document.version) {
        throw new Error(`edit for version ${change.textDocument.version}, document is at ${document.version}`);
      }
      const text = TextDocument.applyEdits(document, change.edits as never);
      versions.set(uri, await this.change(uri, [{ text }]));
    }
    return { created, versions };
  }

  async close(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.process.kill('SIGKILL');
        resolve();
      }, 2000);
      this.process.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }
}
