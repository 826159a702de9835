/** The result of Build and Check (and Compose Up and Check), and its text and Markdown forms. */
import { basename } from 'node:path';
import type { BuildFailure } from './build';
import type { Cause } from './causes';
import type { PublishedPort } from './container';

export type CheckStatus = 'pass' | 'fail' | 'skip';

export type CheckId = 'non-root' | 'healthy' | 'volumes-writable' | 'graceful-stop' | 'health-detects-freeze' | 'image-size';

export const CHECK_TITLES: Record<CheckId, { number: number; title: string }> = {
  'non-root': { number: 1, title: 'Process does not run as root' },
  healthy: { number: 2, title: 'Container becomes healthy' },
  'volumes-writable': { number: 3, title: 'Volumes are writable by the user' },
  'graceful-stop': { number: 4, title: 'docker stop returns well within the grace period' },
  'health-detects-freeze': { number: 5, title: 'Health check notices a frozen app' },
  'image-size': { number: 6, title: 'Image size and layers' },
};

export interface CheckResult {
  number: number;
  id: CheckId;
  title: string;
  status: CheckStatus;
  detail: string;
  durationMs: number;
  cause: Cause | null;
}

export interface ImageSummary {
  tag: string | null;
  id: string | null;
  size: number | null;
  layers: number | null;
  previous: { size: number; layers: number; at: string } | null;
}

export interface VerifyReport {
  kind: 'dockerfile' | 'compose';
  /** The Dockerfile, or `compose.yaml#service`. */
  target: string;
  dockerfile: string | null;
  image: ImageSummary;
  build: { ok: boolean; durationMs: number; builder: string; failure: BuildFailure | null } | null;
  container: { id: string; name: string; ports: PublishedPort[] } | null;
  checks: CheckResult[];
  /** True when the build succeeded and no check failed. */
  ok: boolean;
  cancelled: boolean;
  /** Why the run stopped early (engine missing, bad input…), if it did. */
  error: string | null;
  /**
   * What kind of problem `error` is: no docker CLI, daemon or Compose (`docker-unavailable`: one
   * message with what to do is all there is to say), a rejected value (`input`), or anything else.
   */
  errorKind: 'docker-unavailable' | 'input' | 'other' | null;
  startedAt: string;
  durationMs: number;
  /** True when every container it started was removed. */
  cleanedUp: boolean;
}

export function makeCheck(id: CheckId, status: CheckStatus, detail: string, durationMs: number, cause: Cause | null = null): CheckResult {
  return { ...CHECK_TITLES[id], id, status, detail, durationMs, cause: status === 'fail' ? cause : null };
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const text = unit === 0 ? String(value) : value.toFixed(value < 10 ? 2 : 1);
  return `${bytes < 0 ? '-' : ''}${text} ${units[unit]}`;
}

export function summaryLine(report: VerifyReport): string {
  if (report.cancelled) return `Cancelled: ${report.target}`;
  if (report.error) return `Could not check ${report.target}: ${report.error}`;
  if (report.build && !report.build.ok) return `Build failed${report.build.failure?.line ? ` at line ${report.build.failure.line}` : ''}: ${report.build.failure?.message ?? ''}`;
  const count = (s: CheckStatus): number => report.checks.filter((c) => c.status === s).length;
  const failed = report.checks.filter((c) => c.status === 'fail').map((c) => c.number);
  return `${report.ok ? 'All checks passed' : `Failed check${failed.length === 1 ? '' : 's'} ${failed.join(', ')}`}: ${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped (${(report.durationMs / 1000).toFixed(1)} s)`;
}

const MARK: Record<CheckStatus, string> = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' };

function causeText(cause: Cause): string {
  const where = cause.line ? `${basename(cause.path)}:${cause.line}` : basename(cause.path);
  return cause.rule ? `${where} (rule ${cause.rule}${cause.ruleReported ? '' : ', not reported here'})` : where;
}

/** Plain text, for the CLI. */
export function formatReportText(report: VerifyReport): string {
  const lines = [`shipshape verify ${report.target}`];
  if (report.image.tag) lines.push(`  image ${report.image.tag}${report.image.id ? ` (${report.image.id.replace(/^sha256:/, '').slice(0, 12)})` : ''}`);
  if (report.build) lines.push(`  build ${report.build.ok ? 'ok' : 'FAILED'} in ${(report.build.durationMs / 1000).toFixed(1)} s (${report.build.builder})`);
  if (report.build?.failure) {
    const f = report.build.failure;
    lines.push(`    ${f.line && report.dockerfile ? `${basename(report.dockerfile)}:${f.line}: ` : ''}${f.message}`);
  }
  for (const check of report.checks) {
    lines.push(`  ${MARK[check.status]}  ${check.number}. ${check.title}: ${check.detail}`);
    if (check.cause) lines.push(`        cause: ${causeText(check.cause)}`);
  }
  if (report.error) lines.push(`  error: ${report.error}`);
  if (!report.cleanedUp) lines.push('  warning: some containers it started could not be removed');
  lines.push(summaryLine(report));
  return lines.join('\n') + '\n';
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>|#])/g, '\\$1');
}

/**
 * Markdown, for a preview. `link(cause)` returns the link target for a cause (a file URI with a
 * line fragment, a command URI…); without it causes are plain text.
 */
export function formatReportMarkdown(report: VerifyReport, link?: (cause: Cause) => string | null, ruleLink?: (rule: string) => string | null): string {
  const out: string[] = [];
  out.push(`# ${report.ok ? '✅' : report.cancelled ? '⏹' : '❌'} Shipshape check: ${escapeMarkdown(basename(report.target))}`, '');
  out.push(`**${escapeMarkdown(summaryLine(report))}**`, '');
  if (report.image.tag) out.push(`- Image: \`${report.image.tag}\`${report.image.id ? ` (${report.image.id.replace(/^sha256:/, '').slice(0, 12)})` : ''}`);
  if (report.build) out.push(`- Build: ${report.build.ok ? 'succeeded' : '**failed**'} in ${(report.build.durationMs / 1000).toFixed(1)} s (${report.build.builder})`);
  if (report.container) out.push(`- Container: \`${report.container.name}\`${report.container.ports.length ? `, ports ${report.container.ports.map((p) => `${p.hostIp}:${p.hostPort}→${p.containerPort}/${p.protocol}`).join(', ')}` : ''} (removed: ${report.cleanedUp ? 'yes' : '**no**'})`);
  if (report.error) out.push(`- Error: ${escapeMarkdown(report.error)}`);
  out.push('');
  if (report.build?.failure) {
    const f = report.build.failure;
    const cause: Cause | null = report.dockerfile ? { path: report.dockerfile, line: f.line, rule: null, ruleReported: false } : null;
    const target = cause && link ? link(cause) : null;
    out.push('## Build failure', '', '```', f.message, '```', '');
    if (cause?.line) out.push(`At ${target ? `[line ${cause.line}](${target})` : `line ${cause.line}`}${f.step ? `: \`${f.step}\`` : ''}`, '');
  }
  if (report.checks.length > 0) {
    out.push('| # | Check | Result | Details | Cause |', '|---|---|---|---|---|');
    for (const check of report.checks) {
      let causeCell = '';
      if (check.cause) {
        const target = link ? link(check.cause) : null;
        const where = check.cause.line ? `${basename(check.cause.path)}:${check.cause.line}` : basename(check.cause.path);
        causeCell = target ? `[${escapeMarkdown(where)}](${target})` : escapeMarkdown(where);
        if (check.cause.rule) {
          const ruleTarget = ruleLink ? ruleLink(check.cause.rule) : null;
          causeCell += ` · rule ${ruleTarget ? `[${check.cause.rule}](${ruleTarget})` : `\`${check.cause.rule}\``}`;
        }
      }
      const result = check.status === 'pass' ? '✅ pass' : check.status === 'fail' ? '❌ **fail**' : '➖ skip';
      out.push(`| ${check.number} | ${escapeMarkdown(check.title)} | ${result} | ${escapeMarkdown(check.detail).replace(/\n/g, ' ')} | ${causeCell} |`);
    }
    out.push('');
  }
  out.push(`_Started ${report.startedAt}, took ${(report.durationMs / 1000).toFixed(1)} s._`, '');
  return out.join('\n');
}
