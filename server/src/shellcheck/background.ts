/**
 * ShellCheck for documents being edited: runs after the fast rules have been published, once the
 * typing pauses, and hands back findings only for the version they were computed for.
 */
import type { DockerfileModel } from '../dockerfile/model';
import type { Settings } from '../engine/settings';
import type { ShellChecker, ShellCheckResult } from './checker';

export interface BackgroundRequest {
  model: DockerfileModel;
  settings?: Settings;
  /** Still true when the document has not changed since `model` was parsed. */
  isCurrent(): boolean;
  deliver(result: ShellCheckResult): void;
}

export class BackgroundShellCheck {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    readonly checker: ShellChecker,
    private readonly delayMs = 150,
  ) {}

  /** Replaces any pending check of `uri` with this one. */
  schedule(uri: string, request: BackgroundRequest): void {
    this.cancel(uri);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      if (!request.isCurrent()) return;
      this.checker.check(request.model, request.settings).then(
        (result) => {
          if (request.isCurrent()) request.deliver(result);
        },
        () => undefined,
      );
    }, this.delayMs);
    this.timers.set(uri, timer);
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
