/**
 * What the Docker commands share: the output channel, build diagnostics, the images built and
 * containers started in this window, settings, workspace trust and how errors are shown.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CancelledError,
  DockerUnavailableError,
  InputError,
  parsePortMapping,
  tagFromFolder,
  type HistoryStore,
  type ImageRecord,
  type PortMapping,
  type RunningContainer,
} from '../../../server/src/runtime';

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
  /** Containers started by Run Container, newest last. */
  readonly started: (RunningContainer & { dockerfile: string })[] = [];
  readonly history: HistoryStore;

  constructor(readonly context: vscode.ExtensionContext) {
    const key = 'shipshape.verifyHistory';
    this.history = {
      get: (k: string) => context.workspaceState.get<Record<string, ImageRecord>>(key, {})[k],
      set: (k: string, record: ImageRecord) => void context.workspaceState.update(key, { ...context.workspaceState.get<Record<string, ImageRecord>>(key, {}), [k]: record }),
    };
  }

  dispose(): void {
    this.output.dispose();
    this.buildDiagnostics.dispose();
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
    this.output.appendLine(line);
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
    const reason: CommandFailure['reason'] = error instanceof DockerUnavailableError ? 'no-docker' : error instanceof InputError ? 'input' : 'error';
    this.log(`Error: ${message}`);
    void vscode.window.showErrorMessage(message);
    return { ok: false, reason, error: message };
  }

  /** Saves the document first when it is open and dirty, so docker builds what the user sees. */
  async saveIfDirty(uri: vscode.Uri): Promise<void> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc?.isDirty) await doc.save();
  }
}

/** Runs work under a cancellable notification; cancel aborts the signal. */
export function withCancellableProgress<T>(title: string, work: (progress: vscode.Progress<{ message?: string }>, signal: AbortSignal) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    return work(progress, controller.signal);
  });
}
