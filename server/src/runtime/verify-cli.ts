/**
 * `shipshape verify [options] <Dockerfile>` and `shipshape verify --service NAME <compose file>`:
 * Build and Check from the command line. Prints the report (text or --json) and exits 0 when every
 * check passed, 1 when the build or a check failed, 2 on usage or engine errors, and 128 + the
 * signal number when interrupted (130 Ctrl+C, 143 SIGTERM, 129 SIGHUP), after removing what it
 * started.
 */
import { existsSync } from 'node:fs';
import { parseArgs, UsageError, type ParsedArgs } from '../cli/args';
import { composeUpAndCheck } from './compose';
import { InputError } from './docker-cli';
import { FileHistory } from './history';
import { parsePortMapping } from './names';
import { formatReportText, type VerifyReport } from './report';
import { verifyDockerfile, type ProgressEvent } from './verify';

export const VERIFY_USAGE = `  shipshape verify [--json] [--tag NAME] [--context DIR] [--port [HOST:]PORT]… [--health-path PATH]…
                   [--timeout SECONDS] [--stop-grace SECONDS] [--hardened] [--user USER] [--env-file FILE]
                   [--data-path PATH]… [--label KEY=VALUE]… [--history FILE] [--remove-image] [--docker PATH] [--verbose]
                   <Dockerfile>
  shipshape verify --service NAME [--json] [--health-path PATH]… [--timeout SECONDS] [--stop-grace SECONDS]
                   [--data-path PATH]… [--history FILE] [--docker PATH] [--verbose] <compose file>
`;

export const VERIFY_HELP = `verify  builds the image, runs it on the local Docker engine and checks it: not root, healthy, volumes
        writable, stops on SIGTERM, health check notices a frozen app, image size. Removes what it started.
        Exit code: 0 all checks passed, 1 the build or a check failed, 2 on errors, 130/143/129 when
        interrupted (SIGINT/SIGTERM/SIGHUP).
`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const VALUED = ['tag', 'context', 'port', 'health-path', 'timeout', 'stop-grace', 'user', 'env-file', 'data-path', 'label', 'history', 'service', 'docker'];
const REPEATED = ['port', 'health-path', 'data-path', 'label'];
const BOOLEAN = ['json', 'hardened', 'remove-image', 'verbose'];
/** Options of a Dockerfile run that a compose service takes from its compose file instead. */
const NOT_FOR_SERVICE = ['tag', 'context', 'port', 'hardened', 'user', 'env-file', 'label', 'remove-image'];
/** The signals that interrupt a run, with the exit code each gives (128 + its number). */
const INTERRUPTS: Record<'SIGINT' | 'SIGTERM' | 'SIGHUP', number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

function seconds(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} must be a number of seconds, not "${value}"`);
  return n;
}

export async function verifyCommand(args: readonly string[], io: Io, signal?: AbortSignal): Promise<number> {
  let json = args.includes('--json');
  /** A usage or input error: on stderr, and with --json also as `{"ok":false,"error":…}` on stdout. */
  const refuse = (message: string, usage: boolean): number => {
    io.err(`shipshape: ${message}\n${usage ? `\nUsage:\n${VERIFY_USAGE}` : ''}`);
    if (json) io.out(JSON.stringify({ ok: false, error: message }) + '\n');
    return 2;
  };
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs(args, { valued: VALUED, repeated: REPEATED, booleans: BOOLEAN });
    if (parsed.positional.length !== 1) throw new UsageError('verify needs exactly one Dockerfile (or compose file with --service)');
    if (parsed.values.has('service')) {
      const ignored = NOT_FOR_SERVICE.filter((name) => parsed.values.has(name) || parsed.flags.has(name));
      if (ignored.length > 0) {
        throw new UsageError(`${ignored.map((name) => `--${name}`).join(', ')} cannot be used with --service: the compose file sets the service's image, ports, user and options`);
      }
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return refuse(error.message, true);
  }
  const { values, flags, positional } = parsed;
  json = flags.has('json');
  const one = (name: string): string | undefined => values.get(name)?.[0];
  const file = positional[0];
  if (!existsSync(file)) return refuse(`${file}: no such file`, false);

  const controller = new AbortController();
  let interruptedBy: keyof typeof INTERRUPTS | null = null;
  const handlers = (Object.keys(INTERRUPTS) as (keyof typeof INTERRUPTS)[]).map((name) => {
    const handler = (): void => {
      interruptedBy ??= name;
      controller.abort();
    };
    // once: a second signal while cleaning up ends the process at once
    process.once(name, handler);
    return [name, handler] as const;
  });
  signal?.addEventListener('abort', () => controller.abort(), { once: true });
  const verbose = flags.has('verbose');
  let lastMessage = '';
  const onProgress = (event: ProgressEvent): void => {
    if (json || event.secondsLeft !== undefined || event.message === lastMessage) return;
    lastMessage = event.message;
    io.err(`… ${event.message}\n`);
  };
  const onOutput = verbose && !json ? (line: string): void => io.err(`  | ${line}\n`) : undefined;

  let report: VerifyReport;
  try {
    const labels: Record<string, string> = {};
    for (const label of values.get('label') ?? []) {
      const eq = label.indexOf('=');
      if (eq <= 0) throw new UsageError(`--label must be KEY=VALUE, not "${label}"`);
      labels[label.slice(0, eq)] = label.slice(eq + 1);
    }
    const timeout = seconds(one('timeout'), 'timeout');
    const common = {
      dockerPath: one('docker'),
      signal: controller.signal,
      healthPaths: values.get('health-path'),
      healthTimeoutMs: timeout === undefined ? undefined : timeout * 1000,
      stopGraceSeconds: seconds(one('stop-grace'), 'stop-grace'),
      dataPaths: values.get('data-path'),
      history: new FileHistory(one('history')),
      onProgress,
      onOutput,
    };
    const service = one('service');
    if (service !== undefined) {
      report = await composeUpAndCheck({ ...common, composeFile: file, service });
    } else {
      report = await verifyDockerfile({
        ...common,
        dockerfile: file,
        context: one('context'),
        tag: one('tag'),
        ports: values.get('port')?.map(parsePortMapping),
        hardened: flags.has('hardened'),
        user: one('user'),
        envFile: one('env-file'),
        labels,
        removeImage: flags.has('remove-image'),
      });
    }
  } catch (error) {
    if (error instanceof UsageError) return refuse(error.message, true);
    if (error instanceof InputError) return refuse(error.message, false);
    throw error;
  } finally {
    for (const [name, handler] of handlers) process.removeListener(name, handler);
  }

  io.out(json ? JSON.stringify(report, null, 2) + '\n' : formatReportText(report));
  if (report.cancelled) return interruptedBy ? INTERRUPTS[interruptedBy] : INTERRUPTS.SIGINT;
  if (report.error) {
    if (!json) io.err(`shipshape: ${report.error}\n`);
    return 2;
  }
  return report.ok ? 0 : 1;
}
