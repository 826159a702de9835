/** Build Image and Run Container. */
import * as vscode from 'vscode';
import { assertImageReference, buildImage, checkEngine, DOCKERFILE_LABEL, runContainer, type BuildResult, type RunningContainer } from '../../../server/src/runtime';
import type { CommandFailure, RuntimeSession } from './session';

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
  // The last failure's line is stale from here on, whatever this build comes to (also on cancel or error).
  session.setBuildFailure(dockerfile, null);
  try {
    await session.saveIfDirty(dockerfile);
    const settings = session.settings(dockerfile);
    const tag = assertImageReference(session.tagFor(dockerfile, settings));
    const context = session.buildContextFor(dockerfile, settings);
    session.output.show(true);
    session.log(`\n> docker build --file ${dockerfile.fsPath} --tag ${tag} ${context}`);
    const result = await session.withProgress(`Building ${tag}`, async (progress, signal) => {
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
    session.setBuildFailure(dockerfile, result.failure);
    if (result.ok) {
      session.builtImages.set(dockerfile.fsPath, result.tag);
      session.log(`Built ${result.tag} in ${(result.durationMs / 1000).toFixed(1)} s`);
      if (notify) void vscode.window.showInformationMessage(`Built ${result.tag} in ${(result.durationMs / 1000).toFixed(1)} s.`);
    } else {
      const failure = result.failure;
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

/** Runs the image built from the Dockerfile in this window under the current tag (building it first when there is none), detached. */
export async function runContainerCommand(session: RuntimeSession, arg?: unknown): Promise<RunContainerResult> {
  const untrusted = session.untrusted();
  if (untrusted) return untrusted;
  const target = session.targetFile(arg, 'dockerfile');
  if (!(target instanceof vscode.Uri)) return target;
  try {
    const settings = session.settings(target);
    const tag = assertImageReference(session.tagFor(target, settings));
    // Built under another tag (the setting changed since): build again rather than run an old image.
    let image = session.builtImages.get(target.fsPath) === tag ? tag : undefined;
    if (!image) {
      const built = await buildFile(session, target, false);
      if (!built.ok) return 'reason' in built ? built : { ok: false, reason: 'error', error: `The build failed: ${built.failure?.message ?? ''}` };
      image = built.tag;
    }
    const container = await session.withProgress(`Starting ${image}`, (_progress, signal) =>
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
      if (choice === 'Stop') void vscode.commands.executeCommand('shipshape.stopContainers', target, { ids: [container.id] });
    });
    return { ...container, ok: true, dockerfile: target.fsPath };
  } catch (error) {
    return session.fail(error);
  }
}
