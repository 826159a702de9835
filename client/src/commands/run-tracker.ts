/**
 * The Docker runs in progress in one window. Each gets an AbortSignal; when the window closes or
 * reloads, every run is aborted and its cleanup (removing the containers it started) is waited for,
 * for a bounded time. No editor imports, so it is tested on its own.
 */
export type RunKind = 'check' | 'other';

interface Run {
  kind: RunKind;
  controller: AbortController;
  finished: Promise<void>;
}

export class RunTracker {
  private readonly runs = new Set<Run>();
  private closed = false;

  /** How many runs of a kind are in progress. */
  count(kind: RunKind): number {
    let n = 0;
    for (const run of this.runs) if (run.kind === kind) n++;
    return n;
  }

  /**
   * Runs `work` with a signal that fires when `cancel` does or when the tracker is closed. After
   * `close()` no new run starts (the signal is already aborted).
   */
  track<T>(kind: RunKind, work: (signal: AbortSignal) => Promise<T>, cancel?: AbortSignal): Promise<T> {
    const controller = new AbortController();
    if (this.closed) controller.abort();
    const onCancel = (): void => controller.abort();
    cancel?.addEventListener('abort', onCancel, { once: true });
    if (cancel?.aborted) controller.abort();
    const result = (async () => work(controller.signal))();
    const run: Run = {
      kind,
      controller,
      finished: result.then(
        () => undefined,
        () => undefined,
      ),
    };
    this.runs.add(run);
    void run.finished.then(() => {
      this.runs.delete(run);
      cancel?.removeEventListener('abort', onCancel);
    });
    return result;
  }

  /** Aborts every run and waits until all have finished, at most `timeoutMs`; true when they all did. */
  async close(timeoutMs: number): Promise<boolean> {
    this.closed = true;
    const runs = [...this.runs];
    for (const run of runs) run.controller.abort();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([Promise.all(runs.map((run) => run.finished)).then(() => true), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
