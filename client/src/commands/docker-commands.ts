/** Build Image, Run Container, Probe Health and Stop Containers. */
import * as vscode from 'vscode';
import {
  buildImage,
  checkEngine,
  inspectImage,
  listContainers,
  probeContainerHealth,
  probeHost,
  removeContainer,
  runContainer,
  STARTED_LABEL,
  type BuildResult,
  type ContainerProbe,
  type ContainerSummary,
  type RunningContainer,
} from '../../../server/src/runtime';
import { withCancellableProgress, type CommandFailure, type RuntimeSession } from './session';

const DOCKERFILE_LABEL = 'shipshape.dockerfile';

export type BuildImageResult = (BuildResult & { dockerfile: string }) | CommandFailure;

/** Builds the Dockerfile (argument or active editor); output streams to the channel, the failing line gets a diagnostic. */
export async function buildImageCommand(session: RuntimeSession, arg?: unknown): Promise<BuildImageResult> {
  const untrusted = session.untrusted();
  if (untrusted) return untrusted;
  const target = session.targetFile(arg, 'dockerfile');
  if (!(target instanceof vscode.Uri)) return target;
  return buildFile(session, target, true);
}

export async function buildFile(session: RuntimeSession, dockerfile: vscode.Uri, notify: boolean): Promise<BuildImageResult> {
  try {
    await session.saveIfDirty(dockerfile);
    const settings = session.settings(dockerfile);
    const tag = session.tagFor(dockerfile, settings);
    const context = session.buildContextFor(dockerfile, settings);
    session.output.show(true);
    session.log(`\n> docker build --file ${dockerfile.fsPath} --tag ${tag} ${context}`);
    const result = await withCancellableProgress(`Building ${tag}`, async (progress, signal) => {
      progress.report({ message: 'checking the Docker engine' });
      await checkEngine({ dockerPath: settings.dockerPath, signal });
      return buildImage({
        dockerPath: settings.dockerPath,
        signal,
        dockerfile: dockerfile.fsPath,
        context,
        tag,
        onOutput: (line) => session.log(line),
        onStep: (step) => progress.report({ message: `step ${step.index}${step.total ? `/${step.total}` : ''}: ${step.text.slice(0, 80)}` }),
      });
    });
    session.buildDiagnostics.delete(dockerfile);
    if (result.ok) {
      session.builtImages.set(dockerfile.fsPath, result.tag);
      session.log(`Built ${result.tag} in ${(result.durationMs / 1000).toFixed(1)} s`);
      if (notify) void vscode.window.showInformationMessage(`Built ${result.tag} in ${(result.durationMs / 1000).toFixed(1)} s.`);
    } else {
      const failure = result.failure;
      if (failure?.line) {
        const line = failure.line - 1;
        const diagnostic = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), `docker build failed: ${failure.message}`, vscode.DiagnosticSeverity.Error);
        diagnostic.source = 'shipshape build';
        session.buildDiagnostics.set(dockerfile, [diagnostic]);
      }
      const where = failure?.line ? ` at line ${failure.line}` : '';
      session.log(`Build failed${where}: ${failure?.message ?? ''}`);
      void vscode.window.showErrorMessage(`Build of ${result.tag} failed${where}: ${failure?.message ?? 'see the output'}`, 'Show Output').then((c) => c && session.output.show());
    }
    return { ...result, dockerfile: dockerfile.fsPath };
  } catch (error) {
    return session.fail(error);
  }
}

export type RunContainerResult = (RunningContainer & { ok: true; dockerfile: string }) | CommandFailure;

/** Runs the last image built from the Dockerfile (building it first when there is none), detached. */
export async function runContainerCommand(session: RuntimeSession, arg?: unknown): Promise<RunContainerResult> {
  const untrusted = session.untrusted();
  if (untrusted) return untrusted;
  const target = session.targetFile(arg, 'dockerfile');
  if (!(target instanceof vscode.Uri)) return target;
  try {
    const settings = session.settings(target);
    let image = session.builtImages.get(target.fsPath);
    if (!image) {
      const built = await buildFile(session, target, false);
      if (!built.ok) return 'reason' in built ? built : { ok: false, reason: 'error', error: `The build failed: ${built.failure?.message ?? ''}` };
      image = built.tag;
    }
    const container = await withCancellableProgress(`Starting ${image}`, (_progress, signal) =>
      runContainer({
        dockerPath: settings.dockerPath,
        signal,
        image: image as string,
        ports: settings.ports.length > 0 ? settings.ports : undefined,
        bindAddress: settings.bindAddress,
        hardened: settings.hardened,
        user: settings.user || undefined,
        envFile: session.envFileFor(target, settings),
        labels: { [DOCKERFILE_LABEL]: target.fsPath },
      }),
    );
    session.started.push({ ...container, dockerfile: target.fsPath });
    const ports = container.ports.map((p) => `http://${p.hostIp}:${p.hostPort} → ${p.containerPort}/${p.protocol}`).join(', ');
    session.log(`Started ${container.name} (${container.id.slice(0, 12)}) from ${image}${ports ? `: ${ports}` : ''}${settings.hardened ? ' with hardened flags' : ''}`);
    void vscode.window.showInformationMessage(`Started ${container.name} from ${image}${ports ? ` on ${ports}` : ''}.`, 'Probe Health', 'Stop').then((choice) => {
      if (choice === 'Probe Health') void vscode.commands.executeCommand('shipshape.probeHealth', target);
      if (choice === 'Stop') void vscode.commands.executeCommand('shipshape.stopContainers', target);
    });
    return { ...container, ok: true, dockerfile: target.fsPath };
  } catch (error) {
    return session.fail(error);
  }
}

export type ProbeHealthResult = (ContainerProbe & { ok: boolean; containerId: string; summary: string }) | CommandFailure;

/** Probes the newest container Run Container started (for the Dockerfile given, if any). */
export async function probeHealthCommand(session: RuntimeSession, arg?: unknown): Promise<ProbeHealthResult> {
  const untrusted = session.untrusted();
  if (untrusted) return untrusted;
  const dockerfile = arg instanceof vscode.Uri ? arg.fsPath : undefined;
  const candidates = session.started.filter((c) => !dockerfile || c.dockerfile === dockerfile);
  const container = candidates[candidates.length - 1];
  if (!container) {
    const error = 'No running container to probe: start one with "Shipshape: Run Container" first.';
    void vscode.window.showErrorMessage(error);
    return { ok: false, reason: 'no-target', error };
  }
  try {
    const settings = session.settings(vscode.Uri.file(container.dockerfile));
    const image = await inspectImage(container.image, { dockerPath: settings.dockerPath });
    const port = container.ports.find((p) => p.protocol === 'tcp');
    const probe = await withCancellableProgress(`Probing ${container.name}`, (progress, signal) =>
      probeContainerHealth(container.id, port ? { host: probeHost(port), port: port.hostPort } : null, image.healthcheck, {
        dockerPath: settings.dockerPath,
        signal,
        paths: settings.healthPaths,
        timeoutMs: settings.healthTimeoutSeconds * 1000,
        onTick: (tick) => progress.report({ message: `health: ${tick.status} — ${tick.secondsLeft} s left` }),
      }),
    );
    const parts: string[] = [];
    if (probe.dockerHealth) parts.push(`Docker health: ${probe.dockerHealth.status} (${(probe.dockerHealth.elapsedMs / 1000).toFixed(1)} s)`);
    else parts.push('no HEALTHCHECK in the image');
    if (probe.http) {
      const answer = probe.http.status !== null ? `${probe.http.status} in ${probe.http.latencyMs} ms` : `no answer (${probe.http.error})`;
      parts.push(`GET ${new URL(probe.http.url).pathname}: ${answer}${probe.http.bodyExcerpt ? ` — "${probe.http.bodyExcerpt.slice(0, 80)}"` : ''}`);
    }
    const ok = (probe.dockerHealth ? probe.dockerHealth.status === 'healthy' : true) && (probe.http ? probe.http.ok : probe.dockerHealth !== null);
    const summary = `${container.name}: ${parts.join('; ')}`;
    session.log(summary);
    if (ok) void vscode.window.showInformationMessage(summary);
    else void vscode.window.showWarningMessage(summary);
    return { ...probe, ok, containerId: container.id, summary };
  } catch (error) {
    return session.fail(error);
  }
}

export type StopContainersResult = { ok: true; stopped: ContainerSummary[]; failed: ContainerSummary[] } | CommandFailure;

/** Stops and removes the containers Shipshape started (those of one Dockerfile when given one). */
export async function stopContainersCommand(session: RuntimeSession, arg?: unknown): Promise<StopContainersResult> {
  const untrusted = session.untrusted();
  if (untrusted) return untrusted;
  try {
    const dockerPath = session.settings(arg instanceof vscode.Uri ? arg : undefined).dockerPath;
    const all = await listContainers(`${STARTED_LABEL}=run`, { dockerPath });
    const dockerfile = arg instanceof vscode.Uri ? arg.fsPath : undefined;
    const mine = dockerfile ? all.filter((c) => session.started.some((s) => s.id.startsWith(c.id) && s.dockerfile === dockerfile)) : all;
    const stopped: ContainerSummary[] = [];
    const failed: ContainerSummary[] = [];
    for (const c of mine) {
      if (await removeContainer(c.id, { dockerPath })) stopped.push(c);
      else failed.push(c);
    }
    for (let i = session.started.length - 1; i >= 0; i--) if (stopped.some((c) => session.started[i].id.startsWith(c.id))) session.started.splice(i, 1);
    const names = stopped.map((c) => `${c.name} (${c.image})`).join(', ');
    session.log(stopped.length ? `Stopped and removed: ${names}` : 'No containers started by Shipshape are running.');
    if (failed.length) void vscode.window.showErrorMessage(`Could not remove ${failed.map((c) => c.name).join(', ')}.`);
    else void vscode.window.showInformationMessage(stopped.length ? `Stopped ${stopped.length} container${stopped.length === 1 ? '' : 's'}: ${names}.` : 'No containers started by Shipshape are running.');
    return { ok: true, stopped, failed };
  } catch (error) {
    return session.fail(error);
  }
}

