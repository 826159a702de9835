/** The Build and Check report as HTML for the webview (no editor imports, so it can be rendered anywhere). */
import * as path from 'node:path';
import { formatBytes, summaryLine, type Cause, type VerifyReport } from '../../../server/src/runtime';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function causeLinks(cause: Cause): string {
  const where = cause.line ? `${path.basename(cause.path)}:${cause.line}` : path.basename(cause.path);
  let html = `<a href="#" data-open="${escapeHtml(cause.path)}" data-line="${cause.line ?? ''}">${escapeHtml(where)}</a>`;
  if (cause.rule) html += ` · rule <a href="#" data-rule="${escapeHtml(cause.rule)}"><code>${escapeHtml(cause.rule)}</code></a>${cause.ruleReported ? '' : ' <span class="dim">(not reported on this file)</span>'}`;
  return html;
}

/** The report page; `nonce` allows its one script (links post messages to the extension). */
export function reportHtml(report: VerifyReport, nonce: string): string {
  const rows = report.checks
    .map(
      (c) => `<tr class="${c.status}"><td>${c.number}</td><td>${escapeHtml(c.title)}</td><td><span class="status ${c.status}">${c.status.toUpperCase()}</span></td><td>${escapeHtml(c.detail)}</td><td>${c.cause ? causeLinks(c.cause) : ''}</td></tr>`,
    )
    .join('\n');
  const facts: string[] = [];
  if (report.image.tag) facts.push(`Image <code>${escapeHtml(report.image.tag)}</code>${report.image.size !== null ? `, ${formatBytes(report.image.size)}, ${report.image.layers} layers` : ''}`);
  if (report.build) facts.push(`Build ${report.build.ok ? 'succeeded' : '<b>failed</b>'} in ${(report.build.durationMs / 1000).toFixed(1)} s (${escapeHtml(report.build.builder)})`);
  if (report.container) facts.push(`Container <code>${escapeHtml(report.container.name)}</code> — ${report.cleanedUp ? 'removed' : '<b>could not be removed</b>'}`);
  if (report.error) facts.push(`<b>Error:</b> ${escapeHtml(report.error)}`);
  let failure = '';
  if (report.build?.failure) {
    const f = report.build.failure;
    const at = f.line && report.dockerfile ? ` at <a href="#" data-open="${escapeHtml(report.dockerfile)}" data-line="${f.line}">line ${f.line}</a>` : '';
    failure = `<h2>Build failed${at}</h2><pre>${escapeHtml(f.message)}</pre>`;
  }
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1em; }
table { border-collapse: collapse; width: 100%; }
td, th { border-bottom: 1px solid var(--vscode-panel-border, #8884); padding: 4px 8px; text-align: left; vertical-align: top; }
tr.fail td { background: var(--vscode-inputValidation-errorBackground, #f002); }
.dim { opacity: 0.7; }
.status { font-weight: bold; font-size: 0.85em; padding: 1px 6px; border-radius: 3px; }
.status.pass { color: var(--vscode-testing-iconPassed, #2a8f2a); }
.status.fail { color: var(--vscode-testing-iconFailed, #c72e2e); }
.status.skip { opacity: 0.7; }
a { color: var(--vscode-textLink-foreground); }
</style></head>
<body>
<h1><span class="status ${report.ok ? 'pass' : 'fail'}">${report.ok ? 'PASSED' : report.cancelled ? 'CANCELLED' : 'FAILED'}</span> ${escapeHtml(path.basename(report.target))}</h1>
<p id="summary"><b>${escapeHtml(summaryLine(report))}</b></p>
<ul>${facts.map((f) => `<li>${f}</li>`).join('')}</ul>
${failure}
${report.checks.length ? `<table><thead><tr><th>#</th><th>Check</th><th>Result</th><th>Details</th><th>Cause</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
<p class="dim">Started ${escapeHtml(report.startedAt)}, took ${(report.durationMs / 1000).toFixed(1)} s. <a href="#" data-markdown="1">Open as Markdown</a></p>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const a = event.target.closest('a');
  if (!a) return;
  event.preventDefault();
  if (a.dataset.open) vscode.postMessage({ type: 'open', path: a.dataset.open, line: a.dataset.line ? Number(a.dataset.line) : null });
  else if (a.dataset.rule) vscode.postMessage({ type: 'rule', rule: a.dataset.rule });
  else if (a.dataset.markdown) vscode.postMessage({ type: 'markdown' });
});
</script>
</body></html>`;
}
