/** Build and Check (a Dockerfile) and Compose Up and Check (one compose service). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parse as parseYaml } from 'yaml';
import { composeUpAndCheck, summaryLine, verifyDockerfile, type CheckSettings, type ProgressEvent, type VerifyReport } from '../../../server/src/runtime';
import type { ReportPanel } from './report-panel';
import { withCancellableProgress, type CommandFailure, type RuntimeSession, type RuntimeSettings } from './session';

export type CheckCommandResult = VerifyReport | CommandFailure;

function progressReporter(session: RuntimeSession, progress: vscode.Progress<{ message?: string }>): (event: ProgressEvent) => void {
  let last = '';
  return (event) => {
    progress.report({ message: event.message.slice(0, 100) });
    if (event.secondsLeft === undefined && event.message !== last) session.log(`… ${event.message}`);
    last = event.message;
  };
}

/** What both checks take from the settings and the session: limits, history, output and progress. */
function checkOptions(session: RuntimeSession, settings: RuntimeSettings, progress: vscode.Progress<{ message?: string }>): CheckSettings & { onOutput: (line: string) => void } {
  return {
    healthPaths: settings.healthPaths,
    healthTimeoutMs: settings.healthTimeoutSeconds * 1000,
    stopGraceSeconds: settings.stopGraceSeconds,
    dataPaths: settings.dataPaths,
    sizeGrowthLimitPercent: settings.sizeGrowthLimitPercent,
    history: session.history,
    onOutput: (line) => session.log(line),
    onProgress: progressReporter(session, progress),
  };
}

function present(session: RuntimeSession, panel: ReportPanel, report: VerifyReport): void {
  const summary = summaryLine(report);
  session.log(summary);
  if (report.cancelled) return;
  panel.show(report);
  const show = (text: string) => (report.ok ? vscode.window.showInformationMessage(text, 'Show Report') : vscode.window.showWarningMessage(text, 'Show Report'));
  void show(summary).then((choice) => choice && panel.show(report));
}

export async function buildAndCheckCommand(session: RuntimeSession, panel: ReportPanel, arg?: unknown): Promise<CheckCommandResult> {
  const untrusted = session.untrusted();
  if (untrusted) return untrusted;
  const target = session.targetFile(arg, 'dockerfile');
  if (!(target instanceof vscode.Uri)) return target;
  try {
    await session.saveIfDirty(target);
    const settings = session.settings(target);
    const tag = session.tagFor(target, settings);
    session.output.show(true);
    session.log(`\n> Build and Check ${target.fsPath} as ${tag}`);
    const report = await withCancellableProgress(`Build and Check ${path.basename(target.fsPath)}`, (progress, signal) =>
      verifyDockerfile({
        dockerPath: settings.dockerPath,
        signal,
        dockerfile: target.fsPath,
        context: session.buildContextFor(target, settings),
        tag,
        ports: settings.ports.length > 0 ? settings.ports : undefined,
        bindAddress: settings.bindAddress,
        hardened: settings.hardened,
        user: settings.user || undefined,
        envFile: session.envFileFor(target, settings),
        ...checkOptions(session, settings, progress),
      }),
    );
    session.buildDiagnostics.delete(target);
    const failure = report.build?.failure;
    if (failure?.line) {
      const line = failure.line - 1;
      session.buildDiagnostics.set(target, [new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), `docker build failed: ${failure.message}`, vscode.DiagnosticSeverity.Error)]);
    }
    if (report.build?.ok) session.builtImages.set(target.fsPath, tag);
    if (report.error) session.fail(new Error(report.error));
    present(session, panel, report);
    return report;
  } catch (error) {
    return session.fail(error);
  }
}

/** The services a compose file defines, read from the file itself. */
export function composeServices(file: string): string[] {
  try {
    const doc = parseYaml(fs.readFileSync(file, 'utf8')) as { services?: Record<string, unknown> } | null;
    return Object.keys(doc?.services ?? {});
  } catch {
    return [];
  }
}

export async function composeUpAndCheckCommand(session: RuntimeSession, panel: ReportPanel, arg?: unknown, serviceArg?: unknown): Promise<CheckCommandResult> {
  const untrusted = session.untrusted();
  if (untrusted) return untrusted;
  const target = session.targetFile(arg, 'compose');
  if (!(target instanceof vscode.Uri)) return target;
  try {
    await session.saveIfDirty(target);
    let service = typeof serviceArg === 'string' ? serviceArg : undefined;
    if (!service) {
      const services = composeServices(target.fsPath);
      if (services.length === 0) throw new Error(`${path.basename(target.fsPath)} defines no services.`);
      service = services.length === 1 ? services[0] : await vscode.window.showQuickPick(services, { title: 'Compose Up and Check', placeHolder: 'Service to check' });
      if (!service) return { ok: false, reason: 'cancelled', error: 'no service picked' };
    }
    const settings = session.settings(target);
    session.output.show(true);
    session.log(`\n> Compose Up and Check ${target.fsPath} service ${service}`);
    const chosen = service;
    const report = await withCancellableProgress(`Compose Up and Check ${chosen}`, (progress, signal) =>
      composeUpAndCheck({
        dockerPath: settings.dockerPath,
        signal,
        composeFile: target.fsPath,
        service: chosen,
        ...checkOptions(session, settings, progress),
      }),
    );
    if (report.error) session.fail(new Error(report.error));
    present(session, panel, report);
    return report;
  } catch (error) {
    return session.fail(error);
  }
}
