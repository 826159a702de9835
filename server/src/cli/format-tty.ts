import { relative } from 'node:path';
import type { Finding, Severity } from '../engine/types';
import type { FileReport } from './report';

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' };
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';
const BOLD = '\x1b[1m';

export function formatTty(reports: readonly FileReport[], color: boolean): string {
  const paint = (code: string, text: string) => (color ? code + text + RESET : text);
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixable = 0;
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    out.push(paint(BOLD, relative(process.cwd(), report.path) || report.path));
    for (const finding of report.findings) {
      counts[finding.severity]++;
      if (finding.fixes.some((f) => f.isPreferred)) fixable++;
      const where = `${finding.range.start.line + 1}:${finding.range.start.character + 1}`.padEnd(8);
      out.push(`  ${paint(DIM, where)}${paint(COLORS[finding.severity], finding.severity.padEnd(8))}${finding.message}  ${paint(DIM, ruleLabel(finding))}`);
    }
    out.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const files = reports.length;
  if (total === 0) {
    out.push(`No problems in ${files} file${files === 1 ? '' : 's'}.`);
  } else {
    const parts = (['error', 'warning', 'info', 'hint'] as Severity[]).filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}${counts[s] === 1 || s === 'info' ? '' : 's'}`);
    out.push(paint(BOLD, `${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${files} file${files === 1 ? '' : 's'}`));
    if (fixable > 0) out.push(`${fixable} can be fixed with --fix.`);
  }
  return out.join('\n') + '\n';
}

function ruleLabel(finding: Finding): string {
  return finding.aliases.length > 0 ? `${finding.rule} (${finding.aliases.join(', ')})` : finding.rule;
}
