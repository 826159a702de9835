/**
 * Runs the docker CLI as a child process with an argument array (never through a shell), streams
 * its output line by line, and kills it when an AbortSignal fires. Turns "no docker CLI" and "no
 * daemon" into one `DockerUnavailableError` with what to do, instead of a stack trace.
 */
import { spawn } from 'node:child_process';

export interface DockerOptions {
  /** The docker executable (default `docker`, looked up on PATH). */
  dockerPath?: string;
  signal?: AbortSignal;
}

export interface RunOptions extends DockerOptions {
  /** Called for every complete line of stdout / stderr (without the line break, ANSI colours removed). */
  onStdout?: (line: string) => void;
  onStderr?: (line: string) => void;
  /** Kills the process after this long (then the result has `timedOut`). */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export class DockerUnavailableError extends Error {
  constructor(
    message: string,
    readonly reason: 'no-cli' | 'no-daemon',
  ) {
    super(message);
    this.name = 'DockerUnavailableError';
  }
}

export class DockerCommandError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly result: ProcessResult,
  ) {
    super(`docker ${args[0] ?? ''} failed: ${firstLine(result.stderr) || `exit code ${result.code}`}`);
    this.name = 'DockerCommandError';
  }
}

export class CancelledError extends Error {
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'AbortError';
  }
}

/** Thrown for user input (image names, paths, ports…) that is rejected before anything runs. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const DAEMON_DOWN = /Cannot connect to the Docker daemon|Is the docker daemon running|error during connect|dial unix .*docker\.sock|permission denied while trying to connect to the Docker daemon/i;
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
const KILL_GRACE_MS = 2000;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

export function firstLine(text: string): string {
  return (
    stripAnsi(text)
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0 && !l.startsWith('DEPRECATED:')) ?? ''
  );
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

export function noCliMessage(dockerPath: string): string {
  return (
    `The docker CLI was not found (looked for "${dockerPath}"). Install Docker Engine or Docker Desktop ` +
    `(on Debian/Ubuntu: apt-get install docker.io), or point Shipshape at the docker executable.`
  );
}

export function noDaemonMessage(detail: string): string {
  return (
    `The Docker daemon is not running or not reachable (${detail.replace(/\.$/, '')}). Start it ` +
    `(systemctl start docker, or open Docker Desktop; check DOCKER_HOST and your access to the socket), then try again.`
  );
}

/**
 * Runs `docker …args`. Resolves with the exit code and output whatever the code; rejects with
 * `DockerUnavailableError` when the CLI is missing, `CancelledError` when the signal fired (after
 * the process has exited).
 */
export function runProcess(executable: string, args: readonly string[], options: RunOptions = {}): Promise<ProcessResult> {
  const { signal } = options;
  throwIfAborted(signal);
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args as string[], {
      shell: false,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
      env: options.env ?? process.env,
    });
    let stdout = '';
    let stderr = '';
    let cancelled = false;
    let timedOut = false;
    let killTimer: NodeJS.Timeout | undefined;
    const partial = { out: '', err: '' };

    const kill = (): void => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
      killTimer.unref();
    };
    const onAbort = (): void => {
      cancelled = true;
      kill();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const timeout = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          kill();
        }, options.timeoutMs)
      : undefined;

    const feed = (which: 'out' | 'err', chunk: Buffer, callback?: (line: string) => void): void => {
      const text = chunk.toString('utf8');
      if (which === 'out') stdout += text;
      else stderr += text;
      if (!callback) return;
      const lines = (partial[which] + text).split(/\r?\n|\r/);
      partial[which] = lines.pop() ?? '';
      for (const line of lines) callback(stripAnsi(line));
    };
    child.stdout.on('data', (chunk: Buffer) => feed('out', chunk, options.onStdout));
    child.stderr.on('data', (chunk: Buffer) => feed('err', chunk, options.onStderr));

    const finish = (): void => {
      signal?.removeEventListener('abort', onAbort);
      if (timeout) clearTimeout(timeout);
      if (killTimer) clearTimeout(killTimer);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish();
      if (error.code === 'ENOENT') reject(new DockerUnavailableError(noCliMessage(executable), 'no-cli'));
      else reject(error);
    });
    child.on('close', (code) => {
      finish();
      if (partial.out && options.onStdout) options.onStdout(stripAnsi(partial.out));
      if (partial.err && options.onStderr) options.onStderr(stripAnsi(partial.err));
      if (cancelled) reject(new CancelledError());
      else resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/** Runs docker and returns the result; a daemon that does not answer becomes `DockerUnavailableError`. */
export async function runDocker(args: readonly string[], options: RunOptions = {}): Promise<ProcessResult> {
  const result = await runProcess(options.dockerPath ?? 'docker', args, options);
  if (result.code !== 0 && DAEMON_DOWN.test(result.stderr)) {
    throw new DockerUnavailableError(noDaemonMessage(firstLine(result.stderr)), 'no-daemon');
  }
  return result;
}

/** Runs docker and returns its trimmed stdout; a non-zero exit becomes `DockerCommandError`. */
export async function docker(args: readonly string[], options: RunOptions = {}): Promise<string> {
  const result = await runDocker(args, options);
  if (result.code !== 0) throw new DockerCommandError(args, result);
  return result.stdout.trim();
}

/** Checks that the CLI exists and the daemon answers; returns the server version. */
export async function checkEngine(options: DockerOptions = {}): Promise<string> {
  const result = await runDocker(['version', '--format', '{{.Server.Version}}'], { ...options, timeoutMs: 20000 });
  if (result.code !== 0 || !result.stdout.trim()) {
    throw new DockerUnavailableError(noDaemonMessage(firstLine(result.stderr) || 'docker version gave no server version'), 'no-daemon');
  }
  return result.stdout.trim();
}

/** Waits `ms`, or rejects with `CancelledError` as soon as the signal fires. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  throwIfAborted(signal);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
