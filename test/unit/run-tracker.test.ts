/** The runs in progress in a window: cancelled one by one, or all at once when the window closes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RunTracker } from '../../client/src/commands/run-tracker';

/** Work that waits for its signal, then takes `cleanupMs` to clean up; records what happened. */
function abortable(events: string[], name: string, cleanupMs: number) {
  return (signal: AbortSignal): Promise<string> =>
    new Promise((resolve) => {
      signal.addEventListener('abort', () => {
        events.push(`${name} aborted`);
        setTimeout(() => {
          events.push(`${name} cleaned up`);
          resolve(`${name} cancelled`);
        }, cleanupMs);
      });
    });
}

describe('RunTracker', () => {
  it('counts the runs in progress by kind', async () => {
    const runs = new RunTracker();
    let finish = (): void => undefined;
    const check = runs.track('check', () => new Promise<void>((resolve) => (finish = resolve)));
    const other = runs.track('other', async () => 'done');
    assert.deepEqual([runs.count('check'), runs.count('other')], [1, 1]);
    assert.equal(await other, 'done');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual([runs.count('check'), runs.count('other')], [1, 0]);
    finish();
    await check;
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(runs.count('check'), 0);
  });

  it("aborts a run when its own cancel fires, and no other", async () => {
    const runs = new RunTracker();
    const events: string[] = [];
    const cancel = new AbortController();
    const first = runs.track('check', abortable(events, 'first', 1), cancel.signal);
    void runs.track('check', abortable(events, 'second', 1));
    cancel.abort();
    assert.equal(await first, 'first cancelled');
    assert.deepEqual(events, ['first aborted', 'first cleaned up']);
    assert.equal(await runs.close(1000), true);
  });

  it('on close aborts every run and waits for their cleanup', async () => {
    const runs = new RunTracker();
    const events: string[] = [];
    const results = [runs.track('check', abortable(events, 'a', 30)), runs.track('other', abortable(events, 'b', 10))];
    assert.equal(await runs.close(2000), true);
    assert.deepEqual(events.sort(), ['a aborted', 'a cleaned up', 'b aborted', 'b cleaned up']);
    assert.deepEqual(await Promise.all(results), ['a cancelled', 'b cancelled']);
    let signalOfLate: AbortSignal | undefined;
    await runs.track('check', async (signal) => (signalOfLate = signal));
    assert.equal(signalOfLate?.aborted, true, 'a run started after close is aborted from the start');
  });

  it('stops waiting after the time limit when a run does not finish', async () => {
    const runs = new RunTracker();
    void runs.track('check', () => new Promise(() => undefined));
    const started = Date.now();
    assert.equal(await runs.close(50), false);
    assert.ok(Date.now() - started < 1000);
  });

  it('passes failures through and still forgets the run', async () => {
    const runs = new RunTracker();
    await assert.rejects(runs.track('check', async () => Promise.reject(new Error('boom'))), /boom/);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(runs.count('check'), 0);
  });
});
