/** Build and Check (a Dockerfile) and Compose Up and Check (one compose service). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parse as parseYaml } from 'yaml';
import { assertImageReference, composeUpAndCheck, DockerUnavailableError, removeLeftoverCheckContainers, summaryLine, verifyDockerfile, type CheckSettings, type ProgressEvent, type VerifyReport } from '../../../server/src/runtime';
import type { ReportPanel } from './report-panel';
import type { CommandFailure, RuntimeSession, RuntimeSettings } from './session';

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

/**
 * Shows the report: the panel and one toast with the summary. When docker itself is missing (no
 * CLI, daemon or Compose) there is nothing to report: one message says what to do, and the command
 * returns a failure instead of the report.
 */
function present(session: RuntimeSession, panel: ReportPanel, report: VerifyReport): CheckCommandResult {
  if (report.error && report.errorKind === 'docker-unavailable') return session.dockerUnavailable(report.error);
  const summary = summaryLine(report);
  session.log(summary);
  if (report.cancelled) return report;
  panel.show(report);
  const show = (text: string) => (report.ok ? vscode.window.showInformationMessage(text, 'Show Report') : vscode.window.showWarningMessage(text, 'Show Report'));
  void show(summary).then((choice) => choice && panel.show(report));
  return report;
}

/**
 * Removes the check containers that runs of a killed window or CLI left behind (never those of a
 * run in progress). Failing to is no reason not to check: the run itself reports a missing engine.
 */
async function removeLeftovers(session: RuntimeSession, dockerPath: string, signal: AbortSignal, ownRunInProgress: boolean): Promise<void> {
  try {
    const removed = await removeLeftoverCheckContainers({ dockerPath, signal, ownRunInProgress });
    if (removed.length > 0) session.log(`Removed ${removed.length} container${removed.length === 1 ? '' : 's'} an interrupted Build and Check left behind: ${removed.map((id) => id.slice(0, 12)).join(', ')}`);
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    if (error instanceof DockerUnavailableError) return;
    session.log(`Could not look for containers of interrupted runs: ${(error as Error).message}`);
  }
}

export async function buildAndCheckCommand(session: RuntimeSession, panel: ReportPanel, arg?: unknown): Promise<CheckCommandResult> {
  const untrusted = session.untrusted();
  if (untrusted) return untrusted;
  const target = session.targetFile(arg, 'dockerfile');
  if (!(target instanceof vscode.Uri)) return target;
  session.setBuildFailure(target, null);
  try {
    await session.saveIfDirty(target);
    const settings = session.settings(target);
    const tag = assertImageReference(session.tagFor(target, settings));
    session.output.show(true);
    session.log(`\n> Build and Check ${target.fsPath} as ${tag}`);
    const othersInProgress = session.runs.count('check') > 0;
    const report = await session.withProgress(
      `Build and Check ${path.basename(target.fsPath)}`,
      async (progress, signal) => {
        await removeLeftovers(session, settings.dockerPath, signal, othersInProgress);
        return verifyDockerfile({
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
        });
      },
      'check',
    );
    session.setBuildFailure(target, report.build?.failure ?? null);
    if (report.build?.ok) session.builtImages.set(target.fsPath, tag);
    return present(session, panel, report);
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
    const report = await session.withProgress(
      `Compose Up and Check ${chosen}`,
      (progress, signal) =>
        composeUpAndCheck({
          dockerPath: settings.dockerPath,
          signal,
          composeFile: target.fsPath,
          service: chosen,
          ...checkOptions(session, settings, progress),
        }),
      'check',
    );
    if (report.dockerfile) session.setBuildFailure(vscode.Uri.file(report.dockerfile), report.build?.failure ?? null);
    return present(session, panel, report);
  } catch (error) {
    return session.fail(error);
  }
}
