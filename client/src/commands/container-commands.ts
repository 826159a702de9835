/**
 * Probe Health and Stop Containers, on the containers Run Container started. They are found on the
 * engine by their labels (`shipshape.started=run`, `shipshape.dockerfile=<path>`), so they are
 * still found after a window reload, and containers of other tools are never touched.
 */
import * as vscode from 'vscode';
import {
  DOCKERFILE_LABEL,
  formatHealthTick,
  inspectContainer,
  inspectImage,
  listContainers,
  probeContainerHealth,
  probeHost,
  publishedPorts,
  removeContainer,
  STARTED_LABEL,
  type ContainerProbe,
  type ContainerSummary,
} from '../../../server/src/runtime';
import { isDockerfileUri, type CommandFailure, type RuntimeSession } from './session';

/** The labels of the containers Run Container started (from one Dockerfile, when given). */
function runLabels(dockerfile: vscode.Uri | undefined): string[] {
  return [`${STARTED_LABEL}=run`, ...(dockerfile ? [`${DOCKERFILE_LABEL}=${dockerfile.fsPath}`] : [])];
}

export type ProbeHealthResult = (ContainerProbe & { ok: boolean; containerId: string; summary: string }) | CommandFailure;

/**
 * Probes the newest running container Run Container started (from the Dockerfile given, if any):
 * the one this window started last, else the newest the engine lists.
 */
export async function probeHealthCommand(session: RuntimeSession, arg?: unknown): Promise<ProbeHealthResult> {
  const untrusted = session.untrusted();
  if (untrusted) return untrusted;
  const dockerfile = arg instanceof vscode.Uri ? arg : undefined;
  try {
    const dockerPath = session.settings(dockerfile).dockerPath;
    const running = (await listContainers(runLabels(dockerfile), { dockerPath })).filter((c) => c.running);
    const ours = [...session.started].reverse().find((s) => running.some((c) => s.id.startsWith(c.id)));
    const container = running.find((c) => ours?.id.startsWith(c.id)) ?? running[0];
    if (!container) {
      const error = 'No running container to probe: start one with "Shipshape: Run Container" first.';
      void vscode.window.showErrorMessage(error);
      return { ok: false, reason: 'no-target', error };
    }
    const state = await inspectContainer(container.id, { dockerPath });
    const source = state.labels[DOCKERFILE_LABEL];
    const settings = session.settings(source ? vscode.Uri.file(source) : dockerfile);
    const image = await inspectImage(state.image, { dockerPath });
    const port = (await publishedPorts(container.id, { dockerPath })).find((p) => p.protocol === 'tcp');
    const probe = await session.withProgress(`Probing ${container.name}`, (progress, signal) =>
      probeContainerHealth(container.id, port ? { host: probeHost(port), port: port.hostPort } : null, image.healthcheck, {
        dockerPath,
        signal,
        paths: settings.healthPaths,
        timeoutMs: settings.healthTimeoutSeconds * 1000,
        onTick: (tick) => progress.report({ message: `health: ${formatHealthTick(tick)}` }),
      }),
    );
    const summary = `${container.name}: ${probeSummary(probe)}`;
    const ok = (probe.dockerHealth ? probe.dockerHealth.status === 'healthy' : true) && (probe.http ? probe.http.ok : probe.dockerHealth !== null);
    session.log(summary);
    if (ok) void vscode.window.showInformationMessage(summary);
    else void vscode.window.showWarningMessage(summary);
    return { ...probe, ok, containerId: state.id, summary };
  } catch (error) {
    return session.fail(error);
  }
}

function probeSummary(probe: ContainerProbe): string {
  const parts: string[] = [];
  if (probe.dockerHealth) parts.push(`Docker health: ${probe.dockerHealth.status} (${(probe.dockerHealth.elapsedMs / 1000).toFixed(1)} s)`);
  else parts.push('no HEALTHCHECK in the image');
  if (probe.http) {
    const answer = probe.http.status !== null ? `${probe.http.status} in ${probe.http.latencyMs} ms` : `no answer (${probe.http.error})`;
    parts.push(`GET ${new URL(probe.http.url).pathname}: ${answer}${probe.http.bodyExcerpt ? ` — "${probe.http.bodyExcerpt.slice(0, 80)}"` : ''}`);
  }
  return parts.join('; ');
}

/**
 * Which containers Stop Containers stops without asking: `{ all: true }` every one it would list
 * (those of the Dockerfile given, else all Run Container started), `{ ids }` those of them with
 * these ids or names. Without one, a picker asks.
 */
export type StopSelection = { all: true } | { ids: string[] };

function stopSelectionOf(value: unknown): StopSelection | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if ((value as { all?: unknown }).all === true) return { all: true };
  const ids = (value as { ids?: unknown }).ids;
  if (Array.isArray(ids) && ids.every((id) => typeof id === 'string')) return { ids };
  return undefined;
}

/** The Dockerfile the picker preselects: the argument, else the active editor's. */
function dockerfileInView(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const document = vscode.window.activeTextEditor?.document;
  return document && document.uri.scheme === 'file' && isDockerfileUri(document.uri, document.languageId) ? document.uri : undefined;
}

export type StopContainersResult = { ok: true; stopped: ContainerSummary[]; failed: ContainerSummary[] } | CommandFailure;

/**
 * Stops and removes containers Run Container started (in any window): those picked in a list
 * with this Dockerfile's preselected, or those a `StopSelection` names.
 */
export async function stopContainersCommand(session: RuntimeSession, arg?: unknown, selectionArg?: unknown): Promise<StopContainersResult> {
  const untrusted = session.untrusted();
  if (untrusted) return untrusted;
  const given = arg instanceof vscode.Uri ? arg : undefined;
  const selection = stopSelectionOf(arg) ?? stopSelectionOf(selectionArg);
  try {
    const dockerPath = session.settings(given).dockerPath;
    let chosen: ContainerSummary[];
    if (selection) {
      const listed = await listContainers(runLabels(given), { dockerPath });
      // docker ps shows 12-digit ids: a full id or the short one matches, a shorter prefix does not
      const named = (c: ContainerSummary): boolean => 'ids' in selection && selection.ids.some((id) => id === c.name || (id.length >= 12 && id.startsWith(c.id)));
      chosen = 'all' in selection ? listed : listed.filter(named);
    } else {
      const picked = await pickContainers(session, dockerfileInView(arg), dockerPath);
      if (!picked) return { ok: false, reason: 'cancelled', error: 'no containers picked' };
      chosen = picked;
    }
    if (chosen.length === 0) {
      const none = 'No containers started by Shipshape to stop.';
      session.log(none);
      void vscode.window.showInformationMessage(none);
      return { ok: true, stopped: [], failed: [] };
    }
    return await stopAndRemove(session, chosen, dockerPath);
  } catch (error) {
    return session.fail(error);
  }
}

/** The multi-select list of what Run Container started, this Dockerfile's preselected; undefined when dismissed. */
async function pickContainers(session: RuntimeSession, dockerfile: vscode.Uri | undefined, dockerPath: string): Promise<ContainerSummary[] | undefined> {
  const all = await listContainers(runLabels(undefined), { dockerPath });
  if (all.length === 0) return [];
  const mine = new Set(dockerfile ? (await listContainers(runLabels(dockerfile), { dockerPath })).map((c) => c.id) : []);
  const items = all.map((container) => ({
    label: container.name,
    description: `${container.image}${mine.has(container.id) ? ' · this Dockerfile' : ''}`,
    detail: [container.status, container.ports].filter(Boolean).join(' · '),
    picked: mine.has(container.id),
    container,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Stop Containers', placeHolder: 'Containers to stop and remove', canPickMany: true, matchOnDescription: true });
  session.log(picked ? `Picked ${picked.length} of ${all.length} containers to stop.` : 'Stop Containers: dismissed.');
  return picked?.map((item) => item.container);
}

async function stopAndRemove(session: RuntimeSession, chosen: ContainerSummary[], dockerPath: string): Promise<StopContainersResult> {
  const stopped: ContainerSummary[] = [];
  const failed: ContainerSummary[] = [];
  for (const c of chosen) {
    if (await removeContainer(c.id, { dockerPath })) stopped.push(c);
    else failed.push(c);
  }
  for (let i = session.started.length - 1; i >= 0; i--) if (stopped.some((c) => session.started[i].id.startsWith(c.id))) session.started.splice(i, 1);
  const names = stopped.map((c) => `${c.name} (${c.image})`).join(', ');
  if (stopped.length) session.log(`Stopped and removed: ${names}`);
  if (failed.length) void vscode.window.showErrorMessage(`Could not remove ${failed.map((c) => c.name).join(', ')}.`);
  else void vscode.window.showInformationMessage(`Stopped ${stopped.length} container${stopped.length === 1 ? '' : 's'}: ${names}.`);
  return { ok: true, stopped, failed };
}
