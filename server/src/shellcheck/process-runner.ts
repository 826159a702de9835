/**
 * The real ShellCheck: a child process per script (no shell in between), the script on standard
 * input, killed after a timeout. Used by the language server and the CLI; the engine and the tests
 * see only the `ShellCheckRunner` interface.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { parseJson1, type ShellCheckComment, type ShellCheckRunner } from './checker';
import type { ShellDialect } from './scripts';

export interface ProcessRunnerOptions {
  /** Milliseconds one script may take before the process is killed. */
  timeoutMs?: number;
}

export class ProcessShellCheckRunner implements ShellCheckRunner {
  private readonly timeoutMs: number;

  constructor(
    readonly executable: string,
    options: ProcessRunnerOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  run(script: string, shell: ShellDialect): Promise<ShellCheckComment[]> {
    return new Promise((resolve, reject) => {
      let child;
      try {
        child = spawn(this.executable, ['--norc', '--format=json1', '-s', shell, '-'], { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      let settled = false;
      const finish = (error: Error | null, value?: ShellCheckComment[]) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(value!);
      };
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        finish(new Error(`ShellCheck took longer than ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.on('error', (error) => finish(new Error(`cannot run ${this.executable}: ${error.message}`)));
      child.on('close', (code) => {
        // 0: nothing found, 1: comments; anything else is a failure (bad option, unreadable input).
        if (code !== 0 && code !== 1) {
          finish(new Error(`${this.executable} exited with ${code}: ${Buffer.concat(stderr).toString('utf8').trim().split('\n')[0]}`));
          return;
        }
        try {
          finish(null, parseJson1(Buffer.concat(stdout).toString('utf8')));
        } catch (error) {
          finish(new Error(`unexpected ShellCheck output: ${error instanceof Error ? error.message : String(error)}`));
        }
      });
      child.stdin.on('error', () => undefined);
      child.stdin.end(script, 'utf8');
    });
  }
}

/**
 * The ShellCheck to run: `configured` (a path, or a name looked up on PATH) when given, else
 * `shellcheck` on PATH; null when there is none.
 */
export function findShellCheck(configured: string | undefined | null, env: Record<string, string | undefined> = process.env): string | null {
  const wanted = configured && configured.trim() !== '' ? configured.trim() : 'shellcheck';
  if (isAbsolute(wanted) || wanted.includes('/') || wanted.includes('\\')) return isExecutable(wanted) ? wanted : null;
  const extensions = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? env.Path ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const extension of extensions) {
      const candidate = join(dir, wanted + extension);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
