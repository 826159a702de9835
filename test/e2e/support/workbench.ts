/**
 * A workbench for the UI tests: code-server with the extension under development, opened in
 * Chromium, and the keyboard routes a person takes (Quick Open, the command palette). Screenshots
 * go to test-results/e2e/ as <prefix>-<step>-<name>.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, newWorkbenchPage, repoRoot, screenshotsDir, startCodeServer, type CodeServer, type CodeServerOptions } from './code-server';

export class Workbench {
  private step = 0;

  private constructor(
    readonly page: Page,
    private readonly server: CodeServer,
    private readonly browser: Browser,
    private readonly prefix: string,
  ) {}

  /** Starts code-server on `folder` and waits for the Explorer to list it. */
  static async open(folder: string, prefix: string, options: CodeServerOptions = {}): Promise<Workbench> {
    mkdirSync(screenshotsDir, { recursive: true });
    const server = await startCodeServer(options);
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser();
      const page = await newWorkbenchPage(browser);
      await page.goto(server.workbenchUrl(folder, [['extensionDevelopmentPath', server.remoteUri(repoRoot)], ['skipWelcome', 'true']]));
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90_000 });
      return new Workbench(page, server, browser, prefix);
    } catch (error) {
      await browser?.close().catch(() => undefined);
      await server.stop();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
  }

  /** A numbered screenshot of the whole window. */
  async shot(name: string): Promise<void> {
    this.step += 1;
    await this.page.screenshot({ path: join(screenshotsDir, `${this.prefix}-${String(this.step).padStart(2, '0')}-${name}.png`) });
  }

  async failureShot(title: string): Promise<void> {
    await this.page.screenshot({ path: join(screenshotsDir, `FAILED-${this.prefix}-${title.replace(/[^\w-]+/g, '-')}.png`) }).catch(() => undefined);
  }

  /** The active editor (the one with the active tab's text). */
  get editor(): Locator {
    return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  }

  /** The active editor's visible text, lines joined with \n (the view renders spaces as U+00A0). */
  async editorText(): Promise<string> {
    const lines = await this.editor.locator('.view-lines .view-line').evaluateAll((nodes) =>
      nodes
        .map((node) => ({ top: parseFloat((node as unknown as { style: { top: string } }).style.top), text: (node.textContent ?? '').replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text),
    );
    return lines.join('\n');
  }

  /** Ctrl+P, then the file named `fileName` in `folder` (the workspace root when not given). */
  async quickOpen(fileName: string, folder?: string): Promise<void> {
    const page = this.page;
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type(folder ? `${folder}/${fileName}` : fileName);
    const rows = page.locator('.quick-input-list .monaco-list-row', { hasText: fileName });
    const row = folder ? rows.filter({ hasText: folder }) : rows.filter({ hasNot: page.locator('.label-description') });
    await row.first().click();
    await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
  }

  /** Ctrl+Shift+P, the command's title, Enter. */
  async runCommand(label: string): Promise<void> {
    const page = this.page;
    await page.keyboard.press('Control+Shift+P');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type(label);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
    await page.keyboard.press('Enter');
  }

  /** A notification toast with `text`, once it has finished sliding in. */
  async toast(text: string | RegExp, timeout = 30_000): Promise<Locator> {
    const toast = this.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
    await toast.waitFor({ timeout });
    await waitUntilStill(toast);
    return toast;
  }

  /** Closes every notification toast. */
  async clearNotifications(): Promise<void> {
    await this.runCommand('Notifications: Clear All Notifications');
    await this.page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached' });
  }

  /**
   * Rests the mouse `dx` pixels into `target` until `hover` shows. The editor's layout can still
   * move (code lenses come and go as providers register), so it re-aims when the hover does not come.
   */
  async hoverUntil(target: Locator, dx: number, hover: Locator, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const box = await stableBox(target);
      await this.page.mouse.move(box.x + dx, box.y + box.height / 2);
      try {
        await hover.waitFor({ timeout: 3_000 });
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await this.page.mouse.move(0, 0);
      }
    }
  }

  /**
   * Opens the quick fix menu (Ctrl+.) at the cursor until it lists `item`. Right after an editor
   * comes back to the front the menu can open before the code actions of the current diagnostics
   * are in; it is closed and asked again then, as a person would.
   */
  async quickFixMenuWith(item: string, timeoutMs = 30_000): Promise<Locator> {
    const row = this.page.locator('.action-widget .monaco-list-row', { hasText: item }).first();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.page.keyboard.press('Control+.');
      try {
        await row.waitFor({ timeout: 5_000 });
        return row;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  /** The line of the active editor whose text matches. */
  line(text: string | RegExp): Locator {
    return this.editor.locator('.view-lines .view-line', { hasText: text }).first();
  }
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An element's box once it is shown and has stayed put for a few frames. */
export async function stableBox(locator: Locator, timeoutMs = 10_000): Promise<Box> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let still = 0;
  for (;;) {
    await locator.waitFor({ state: 'visible', timeout: Math.max(1, deadline - Date.now()) });
    const box = await locator.boundingBox();
    const now = JSON.stringify(box);
    still = box && now === last ? still + 1 : 0;
    if (box && still >= 3) return box;
    if (Date.now() > deadline) throw new Error(`the box of ${locator} did not settle (last: ${now})`);
    last = now;
    await locator.page().waitForTimeout(50);
  }
}

/** Waits until an element's box stops moving (a toast or widget animating in). */
export async function waitUntilStill(locator: Locator, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let still = 0;
  while (Date.now() < deadline) {
    const box = JSON.stringify(await locator.boundingBox());
    const opacity = await locator
      .evaluate((node) => (globalThis as unknown as { getComputedStyle(element: unknown): { opacity: string } }).getComputedStyle(node).opacity)
      .catch(() => '1');
    still = box === last && opacity === '1' ? still + 1 : 0;
    if (still >= 3) return;
    last = box;
    await locator.page().waitForTimeout(50);
  }
}
