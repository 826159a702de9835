/**
 * What the Docker commands share: the output channel, build diagnostics, the images built and
 * containers started in this window, the runs in progress, settings, workspace trust and how
 * errors are shown.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CancelledError,
  DockerUnavailableError,
  InputError,
  parsePortMapping,
  tagFromFolder,
  type BuildFailure,
  type HistoryStore,
  type ImageRecord,
  type PortMapping,
  type RunningContainer,
} from '../../../server/src/runtime';
import { RunTracker, type RunKind } from './run-tracker';

/** What a command returns when it did not do its work. */
export interface CommandFailure {
  ok: false;
  reason: 'untrusted' | 'no-target' | 'input' | 'no-docker' | 'cancelled' | 'error';
  error: string;
}

export interface RuntimeSettings {
  dockerPath: string;
  buildContext: string;
  imageTag: string;
  ports: PortMapping[];
  bindAddress: string;
  hardened: boolean;
  user: string;
  envFile: string;
  healthPaths: string[];
  healthTimeoutSeconds: number;
  stopGraceSeconds: number;
  dataPaths: string[];
  sizeGrowthLimitPercent: number;
}

export const UNTRUSTED_MESSAGE =
  'Shipshape builds and runs containers only in a trusted workspace: a Dockerfile, build context or compose file could run anything. Trust this workspace (Manage Workspace Trust) to use the Docker commands.';

/** Diagnostics of failed builds carry this source. */
export const BUILD_DIAGNOSTIC_SOURCE = 'shipshape build';

/** How long closing the window waits for runs in progress to remove their containers. */
const SHUTDOWN_WAIT_MS = 5000;

const DOCKERFILE_NAME = /^(?:Dockerfile|Containerfile)(?:\..+)?$|\.(?:Dockerfile|dockerfile|Containerfile)$/;
const COMPOSE_NAME = /(?:^|[.-])compose(?:\.[^.]+)?\.ya?ml$|^docker-compose.*\.ya?ml$/;

export function isDockerfileUri(uri: vscode.Uri, languageId?: string): boolean {
  return languageId === 'dockerfile' || DOCKERFILE_NAME.test(path.basename(uri.fsPath));
}

export function isComposeUri(uri: vscode.Uri, languageId?: string): boolean {
  return languageId === 'dockercompose' || COMPOSE_NAME.test(path.basename(uri.fsPath));
}

export class RuntimeSession implements vscode.Disposable {
  readonly output = vscode.window.createOutputChannel('Shipshape Docker');
  readonly buildDiagnostics = vscode.languages.createDiagnosticCollection('shipshape-build');
  /** Last image built per Dockerfile (fsPath → tag). */
  readonly builtImages = new Map<string, string>();
  /** Containers Run Container started in this window, newest last (the engine's labels list them after a reload too). */
  readonly started: (RunningContainer & { dockerfile: string })[] = [];
  readonly history: HistoryStore;
  readonly runs = new RunTracker();
  private readonly editListener: vscode.Disposable;
  private disposed: Promise<void> | undefined;

  constructor(readonly context: vscode.ExtensionContext) {
    const key = 'shipshape.verifyHistory';
    this.history = {
      get: (k: string) => context.workspaceState.get<Record<string, ImageRecord>>(key, {})[k],
      set: (k: string, record: ImageRecord) => void context.workspaceState.update(key, { ...context.workspaceState.get<Record<string, ImageRecord>>(key, {}), [k]: record }),
    };
    // A build failure's line is only right for the text that was built: an edit of that file clears it.
    this.editListener = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0 && this.buildDiagnostics.has(event.document.uri)) this.buildDiagnostics.delete(event.document.uri);
    });
  }

  /** Aborts the runs in progress, waits (a few seconds at most) for them to remove their containers, then closes. */
  dispose(): Promise<void> {
    this.disposed ??= (async () => {
      this.editListener.dispose();
      const finished = await this.runs.close(SHUTDOWN_WAIT_MS);
      if (!finished) this.log('Some runs did not finish cleaning up in time; the next Build and Check removes what they left.');
      this.output.dispose();
      this.buildDiagnostics.dispose();
    })();
    return this.disposed;
  }

  /** Shows a failed build on its Dockerfile line (or clears the file's build diagnostics when null). */
  setBuildFailure(dockerfile: vscode.Uri, failure: BuildFailure | null): void {
    if (!failure?.line) {
      this.buildDiagnostics.delete(dockerfile);
      return;
    }
    const line = failure.line - 1;
    const diagnostic = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), `docker build failed: ${failure.message}`, vscode.DiagnosticSeverity.Error);
    diagnostic.source = BUILD_DIAGNOSTIC_SOURCE;
    this.buildDiagnostics.set(dockerfile, [diagnostic]);
  }

  /**
   * Runs work under a cancellable notification. Its signal fires on Cancel and when the window
   * closes; the run counts as in progress until the work has finished (cleanup included).
   */
  withProgress<T>(title: string, work: (progress: vscode.Progress<{ message?: string }>, signal: AbortSignal) => Promise<T>, kind: RunKind = 'other'): Thenable<T> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      const cancel = new AbortController();
      token.onCancellationRequested(() => cancel.abort());
      return this.runs.track(kind, (signal) => work(progress, signal), cancel.signal);
    });
  }

  settings(scope?: vscode.Uri): RuntimeSettings {
    const c = vscode.workspace.getConfiguration('shipshape.runtime', scope);
    return {
      dockerPath: c.get<string>('dockerPath') || 'docker',
      buildContext: c.get<string>('buildContext') ?? '',
      imageTag: c.get<string>('imageTag') ?? '',
      ports: (c.get<string[]>('ports') ?? []).map(parsePortMapping),
      bindAddress: c.get<string>('bindAddress') || '127.0.0.1',
      hardened: c.get<boolean>('hardenedFlags') ?? false,
      user: c.get<string>('user') ?? '',
      envFile: c.get<string>('envFile') ?? '',
      healthPaths: c.get<string[]>('healthPaths') ?? ['/healthz', '/health'],
      healthTimeoutSeconds: c.get<number>('healthTimeoutSeconds') ?? 60,
      stopGraceSeconds: c.get<number>('stopGraceSeconds') ?? 10,
      dataPaths: c.get<string[]>('dataPaths') ?? [],
      sizeGrowthLimitPercent: c.get<number>('sizeGrowthLimitPercent') ?? 10,
    };
  }

  /** The folder relative settings are resolved against: the workspace folder, else the file's folder. */
  baseFolder(uri: vscode.Uri): string {
    return vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? path.dirname(uri.fsPath);
  }

  buildContextFor(dockerfile: vscode.Uri, settings: RuntimeSettings): string {
    if (!settings.buildContext) return path.dirname(dockerfile.fsPath);
    return path.resolve(this.baseFolder(dockerfile), settings.buildContext);
  }

  tagFor(dockerfile: vscode.Uri, settings: RuntimeSettings): string {
    return settings.imageTag || tagFromFolder(path.basename(this.buildContextFor(dockerfile, settings)));
  }

  envFileFor(uri: vscode.Uri, settings: RuntimeSettings): string | undefined {
    return settings.envFile ? path.resolve(this.baseFolder(uri), settings.envFile) : undefined;
  }

  log(line: string): void {
    if (!this.disposed) this.output.appendLine(line);
  }

  /** Null when the workspace is trusted; else says why nothing runs. */
  untrusted(): CommandFailure | null {
    if (vscode.workspace.isTrusted) return null;
    void vscode.window.showWarningMessage(UNTRUSTED_MESSAGE, 'Manage Workspace Trust').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
    });
    return { ok: false, reason: 'untrusted', error: UNTRUSTED_MESSAGE };
  }

  /** The Dockerfile the command is about: the argument, else the active editor. */
  targetFile(arg: unknown, kind: 'dockerfile' | 'compose'): vscode.Uri | CommandFailure {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    const languageId = arg instanceof vscode.Uri ? undefined : vscode.window.activeTextEditor?.document.languageId;
    const fits = uri && uri.scheme === 'file' && (kind === 'dockerfile' ? isDockerfileUri(uri, languageId) : isComposeUri(uri, languageId));
    if (!uri || !fits) {
      const error = kind === 'dockerfile' ? 'Open a Dockerfile (or pick one in the Explorer) to build or check it.' : 'Open a compose file (compose.yaml, docker-compose.yml) to run one of its services.';
      void vscode.window.showErrorMessage(error);
      return { ok: false, reason: 'no-target', error };
    }
    return uri;
  }

  /** Shows an error once, in plain words, and turns it into a result. */
  fail(error: unknown): CommandFailure {
    if (error instanceof CancelledError || (error as Error)?.name === 'AbortError') return { ok: false, reason: 'cancelled', error: 'cancelled' };
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof DockerUnavailableError) return this.dockerUnavailable(message);
    this.log(`Error: ${message}`);
    void vscode.window.showErrorMessage(message);
    return { ok: false, reason: error instanceof InputError ? 'input' : 'error', error: message };
  }

  /**
   * No docker CLI, daemon or Compose: one message that says what to do (it names the fix), with a
   * way to the setting that points at the docker executable.
   */
  dockerUnavailable(message: string): CommandFailure {
    this.log(`Error: ${message}`);
    void vscode.window.showErrorMessage(message, 'Open Settings').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'shipshape.runtime.dockerPath');
    });
    return { ok: false, reason: 'no-docker', error: message };
  }

  /** Saves the document first when it is open and dirty, so docker builds what the user sees. */
  async saveIfDirty(uri: vscode.Uri): Promise<void> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc?.isDirty) await doc.save();
  }
}
