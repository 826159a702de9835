/** Shared set-up of the language feature tests: a test editor that registers features dynamically, as VS Code does. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Position } from 'vscode-languageserver-protocol';
import { TestEditor } from '../lsp/lsp-client';

/** The text document capabilities that make the server register its features per file kind. */
export const DYNAMIC_REGISTRATION = {
  completion: { dynamicRegistration: true, completionItem: { snippetSupport: true } },
  hover: { dynamicRegistration: true, contentFormat: ['markdown'] },
  formatting: { dynamicRegistration: true },
  semanticTokens: { dynamicRegistration: true },
  definition: { dynamicRegistration: true },
  diagnostic: { dynamicRegistration: true },
};

export async function startEditor(options: { dynamic?: boolean; initializationOptions?: unknown } = {}): Promise<{ editor: TestEditor; capabilities: Record<string, unknown> }> {
  const editor = new TestEditor();
  const capabilities = await editor.initialize({
    textDocument: options.dynamic === false ? {} : DYNAMIC_REGISTRATION,
    initializationOptions: options.initializationOptions,
  });
  return { editor, capabilities };
}

/** Registered request methods for a file kind's selector ('dockerfile' or 'dockercompose'), sorted. */
export function registeredMethods(editor: TestEditor, language: string): string[] {
  return [...editor.registrations.values()]
    .filter((r) => JSON.stringify((r.registerOptions as { documentSelector?: unknown } | undefined)?.documentSelector ?? '').includes(`"language":"${language}"`))
    .map((r) => r.method)
    .sort();
}

/** Waits until `check` holds (registrations arrive after `initialized`). */
export async function eventually(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A fresh folder with files (relative path → text); returns the folder and a function from relative path to file URI. */
export function workspace(files: Record<string, string>): { folder: string; uri: (path: string) => string } {
  const folder = mkdtempSync(join(tmpdir(), 'shipshape-features-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return { folder, uri: (path) => pathToFileURL(join(folder, path)).href };
}

/** The position of the `n`th (0-based) occurrence of `needle` in `text`, plus `offset` characters. */
export function positionOf(text: string, needle: string, offset = 0, n = 0): Position {
  let index = -1;
  for (let i = 0; i <= n; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" not found`);
  }
  const before = text.slice(0, index + offset);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}
