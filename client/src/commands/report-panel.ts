/** The Build and Check report as a webview: one row per check, links to the causing line and rule. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatBytes, formatReportMarkdown, summaryLine, type Cause, type VerifyReport } from '../../../server/src/runtime';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

interface OpenMessage {
  type: 'open';
  path: string;
  line: number | null;
}

interface RuleMessage {
  type: 'rule';
  rule: string;
}

export class ReportPanel {
  private panel: vscode.WebviewPanel | undefined;
  private report: VerifyReport | undefined;

  constructor(private readonly context: vscode.ExtensionContext) {}

  show(report: VerifyReport): void {
    this.report = report;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('shipshape.report', 'Shipshape Check', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((message: OpenMessage | RuleMessage | { type: 'markdown' }) => void this.onMessage(message));
    }
    this.panel.title = `Check: ${path.basename(report.target)}`;
    this.panel.webview.html = this.html(report);
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  private async onMessage(message: OpenMessage | RuleMessage | { type: 'markdown' }): Promise<void> {
    if (message.type === 'open') {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(message.path));
      const line = Math.max(0, (message.line ?? 1) - 1);
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(line, 0, line, doc.lineAt(Math.min(line, doc.lineCount - 1)).text.length) });
    } else if (message.type === 'rule') {
      const docPath = this.context.asAbsolutePath(path.join('docs', 'rules', `${message.rule}.md`));
      if (fs.existsSync(docPath)) await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.file(docPath));
      else void vscode.window.showInformationMessage(`Rule ${message.rule}: its documentation is not in this build.`);
    } else if (message.type === 'markdown' && this.report) {
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: formatReportMarkdown(this.report) });
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside });
    }
  }

  private causeLinks(cause: Cause): string {
    const where = cause.line ? `${path.basename(cause.path)}:${cause.line}` : path.basename(cause.path);
    let html = `<a href="#" data-open="${escapeHtml(cause.path)}" data-line="${cause.line ?? ''}">${escapeHtml(where)}</a>`;
    if (cause.rule) html += ` · rule <a href="#" data-rule="${escapeHtml(cause.rule)}"><code>${escapeHtml(cause.rule)}</code></a>${cause.ruleReported ? '' : ' <span class="dim">(not reported on this file)</span>'}`;
    return html;
  }

  html(report: VerifyReport): string {
    const nonce = Math.random().toString(36).slice(2) + Date.now().toString(36);
    const icon = { pass: '✅', fail: '❌', skip: '➖' };
    const rows = report.checks
      .map(
        (c) => `<tr class="${c.status}"><td>${c.number}</td><td>${escapeHtml(c.title)}</td><td>${icon[c.status]} ${c.status}</td><td>${escapeHtml(c.detail)}</td><td>${c.cause ? this.causeLinks(c.cause) : ''}</td></tr>`,
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
a { color: var(--vscode-textLink-foreground); }
</style></head>
<body>
<h1>${report.ok ? '✅' : report.cancelled ? '⏹' : '❌'} ${escapeHtml(path.basename(report.target))}</h1>
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
}
