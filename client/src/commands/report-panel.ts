/** The Build and Check report as a webview: one row per check, links to the causing line and rule. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatReportMarkdown, type VerifyReport } from '../../../server/src/runtime';
import { reportHtml } from './report-html';

function nonce(): string {
  return Math.random().toString(36).slice(2) + Date.now().toString(36);
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
    this.panel.webview.html = reportHtml(report, nonce());
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
}
