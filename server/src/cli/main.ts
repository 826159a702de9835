/**
 * `shipshape check [--format tty|json|sarif] [--fix] [--severity error|warning|info|hint] <paths…>`
 * `shipshape rules [--format tty|json|markdown]`
 * Exit codes: 0 nothing at or above the threshold, 1 findings, 2 usage or I/O error.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { rulesTableMarkdown } from '../docs';
import { fileKindOf, sniffFileKind } from '../engine/file-kinds';
import { SEVERITY_RANK, SEVERITIES, type Severity } from '../engine/types';
import { applyEdits } from '../engine/text';
import { allRules, fixText, isLintable, lintText } from '../linter';
import { parseArgs, UsageError } from './args';
import { collectFiles } from './collect-files';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatTty } from './format-tty';
import { decodeFile, nodeFileAccess } from './node-files';
import type { FileReport } from './report';
import { VERIFY_HELP, VERIFY_USAGE, verifyCommand } from '../runtime/verify-cli';
import { describeProblems } from '../config/project-config';
import { WorkspaceConfig } from '../config/workspace-config';
import type { DockerfileModel } from '../dockerfile/model';
import { ShellChecker } from '../shellcheck/checker';
import { findShellCheck, ProcessShellCheckRunner } from '../shellcheck/process-runner';
import { availableParallelism } from 'node:os';

export const VERSION = '0.1.0';

const USAGE = `Usage:
  shipshape check [--format tty|json|sarif] [--fix] [--severity error|warning|info|hint] [--shellcheck|--no-shellcheck] <files or folders…>
  shipshape rules [--format tty|json|markdown]
${VERIFY_USAGE}  shipshape --version

check   lints Dockerfiles, compose files and .dockerignore files (folders are searched).
        Exit code: 0 when nothing is at or above --severity (default: info), 1 when something is, 2 on errors.
--fix   applies every preferred fix in place (repeatable: a second run changes nothing).
--shellcheck / --no-shellcheck
        checks RUN scripts with ShellCheck (SC2086, …); on by default when \`shellcheck\` is on PATH
        (or the program SHIPSHAPE_SHELLCHECK names).
        The nearest .hadolint.yaml (ignored, override, trustedRegistries, label-schema, strict-labels,
        failure-threshold, no-fail) applies; its failure-threshold is the default --severity.
${VERIFY_HELP}`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  isTty: boolean;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === '--version' || command === '-v') {
      io.out(VERSION + '\n');
      return 0;
    }
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === 'check') return await check(rest, io);
    if (command === 'rules') return listRules(rest, io);
    if (command === 'verify') return await verifyCommand(rest, io);
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`shipshape: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`shipshape: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

async function check(args: readonly string[], io: Io): Promise<number> {
  const { values, flags, positional } = parseArgs(args, { valued: ['format', 'severity'], booleans: ['fix', 'shellcheck', 'no-shellcheck'] });
  const format = values.get('format')?.[0] ?? 'tty';
  if (!['tty', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be tty, json or sarif, not "${format}"`);
  const severityFlag = values.get('severity')?.[0] as Severity | undefined;
  if (severityFlag !== undefined && !SEVERITIES.includes(severityFlag)) throw new UsageError(`--severity must be error, warning, info or hint, not "${severityFlag}"`);
  if (positional.length === 0) throw new UsageError('check needs at least one file or folder');
  if (flags.has('shellcheck') && flags.has('no-shellcheck')) throw new UsageError('--shellcheck and --no-shellcheck exclude each other');
  const shellcheckPath = flags.has('no-shellcheck') ? null : findShellCheck(process.env.SHIPSHAPE_SHELLCHECK);
  if (flags.has('shellcheck') && !shellcheckPath) throw new Error('--shellcheck: shellcheck is not on PATH (install it, e.g. apt-get install shellcheck)');
  const shellChecker = shellcheckPath ? new ShellChecker(new ProcessShellCheckRunner(shellcheckPath), { concurrency: Math.max(2, availableParallelism()) }) : null;
  const workspaceConfig = new WorkspaceConfig(allRules, undefined, process.env, [process.cwd()]);
  const failing = new Set<FileReport>();

  const { files, missing } = collectFiles(positional);
  let ioError = missing.length > 0;
  for (const path of missing) io.err(`shipshape: ${path}: no such file or folder\n`);

  const reports: FileReport[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file.path);
    } catch (error) {
      io.err(`shipshape: ${file.path}: ${(error as NodeJS.ErrnoException).code ?? 'cannot read'}\n`);
      ioError = true;
      continue;
    }
    const text = decodeFile(bytes);
    if (text === null) {
      io.err(`shipshape: ${file.path}: binary file, not checked\n`);
      if (file.explicit) ioError = true;
      continue;
    }
    const kind = fileKindOf(file.path) ?? (file.explicit ? sniffFileKind(text) : null);
    if (!isLintable(kind)) {
      if (file.explicit) {
        io.err(`shipshape: ${file.path}: not a Dockerfile, compose file or .dockerignore (name it Dockerfile, *.Dockerfile, compose.yaml, …)\n`);
        ioError = true;
      }
      continue;
    }
    const project = workspaceConfig.projectFor(file.path);
    const problems = workspaceConfig.newProblems(project);
    if (problems && project) for (const line of describeProblems(project)) io.err(`shipshape: ${line} (using defaults for it)\n`);
    const settings = workspaceConfig.settingsFor(file.path, {});
    const options = { path: file.path, files: nodeFileAccess(file.path), settings };
    let current = text;
    if (flags.has('fix')) {
      const outcome = fixText(text, kind, options);
      if (outcome.text !== text) writeFileSync(file.path, outcome.text);
      for (const created of outcome.createFiles) {
        const target = resolve(dirname(file.path), created.path);
        if (existsSync(target)) continue;
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, created.text);
      }
      for (const external of outcome.externalEdits) {
        const target = resolve(dirname(file.path), external.path);
        if (existsSync(target)) writeFileSync(target, applyEdits(readFileSync(target, 'utf8'), external.edits));
      }
      current = outcome.text;
    }
    const result = lintText(current, kind, options);
    for (const failure of result.failures) io.err(`shipshape: ${file.path}: rule ${failure.rule} failed: ${failure.error.split('\n')[0]}\n`);
    let findings = result.findings;
    if (kind === 'dockerfile' && shellChecker) {
      const checked = await shellChecker.check(result.model as DockerfileModel, settings);
      for (const failure of checked.failures) io.err(`shipshape: ${file.path}: ShellCheck failed at ${failure}\n`);
      findings = [...findings, ...checked.findings].sort(
        (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule),
      );
    }
    // --severity, else the project's failure-threshold (`none` shows what info shows and never fails), else info.
    const configured = project?.hadolint?.failureThreshold ?? null;
    const threshold: Severity = severityFlag ?? (configured === null || configured === 'none' ? 'info' : configured);
    const report = { path: file.path, findings: findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold]) };
    if (report.findings.length > 0 && !project?.hadolint?.noFail && (severityFlag !== undefined || configured !== 'none')) failing.add(report);
    reports.push(report);
  }

  if (format === 'json') io.out(formatJson(reports));
  else if (format === 'sarif') io.out(formatSarif(reports, allRules, VERSION));
  else io.out(formatTty(reports, io.isTty));
  if (ioError) return 2;
  return failing.size > 0 ? 1 : 0;
}

function listRules(args: readonly string[], io: Io): number {
  const { values, positional } = parseArgs(args, { valued: ['format'], booleans: [] });
  if (positional.length > 0) throw new UsageError('rules takes no arguments');
  const format = values.get('format')?.[0] ?? 'tty';
  if (format === 'json') {
    io.out(
      JSON.stringify(
        allRules.map((rule) => ({
          id: rule.id,
          aliases: rule.aliases,
          severity: rule.severity,
          fixable: rule.fixable,
          kinds: rule.kinds,
          summary: rule.docs.summary,
          doc: `docs/rules/${rule.id}.md`,
        })),
        null,
        2,
      ) + '\n',
    );
  } else if (format === 'markdown') {
    io.out(rulesTableMarkdown(allRules) + '\n');
  } else if (format === 'tty') {
    for (const rule of allRules) {
      io.out(`${rule.id.padEnd(34)} ${rule.severity.padEnd(8)} ${rule.fixable ? 'fix ' : '    '} ${rule.kinds.join(',').padEnd(12)} ${rule.aliases.join(', ')}\n`);
    }
  } else {
    throw new UsageError(`--format must be tty, json or markdown, not "${format}"`);
  }
  return 0;
}
