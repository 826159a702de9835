/**
 * The server fuzzer: the real language server over stdio (the bundled dist/server.js), fed random
 * edits as incremental didChange notifications, sometimes in bursts faster than it lints. Checks:
 * the server stays up and logs no failure, every version waited for gets its diagnostics, versions
 * are never published out of order, every range lies inside the text of its version, preferred
 * quick fixes apply to the version they were made for and their finding is gone afterwards, and
 * every answer comes within `SLOW_ANSWER_MS`.
 */
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/engine/text';
import { TestEditor } from '../lsp/lsp-client';
import { rangeProblem } from './check';
import type { CorpusFile } from './corpus';
import { seedFor } from './engine-fuzz';
import { Random, randomEdit } from './random';

export const SLOW_ANSWER_MS = 5000;

export interface ServerFuzzOptions {
  seed: number;
  files: readonly CorpusFile[];
  editsPerFile: number;
  timeBudgetMs?: number;
  /** Fuzz only the files this accepts (pastes still come from all of them). */
  includeFile?: (name: string) => boolean;
  log?: (line: string) => void;
}

export interface ServerFuzzStats {
  files: number;
  versions: number;
  codeActions: number;
  fixesApplied: number;
  worstAnswerMs: number;
  worstAnswerFile: string;
  problems: string[];
}

const FILE_NAMES = { dockerfile: 'Dockerfile', compose: 'compose.yaml', dockerignore: '.dockerignore' } as const;
const LANGUAGES = { dockerfile: 'dockerfile', compose: 'dockercompose', dockerignore: 'ignore' } as const;

const diagKey = (d: Diagnostic) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;

export async function fuzzServer(options: ServerFuzzOptions): Promise<ServerFuzzStats> {
  const stats: ServerFuzzStats = { files: 0, versions: 0, codeActions: 0, fixesApplied: 0, worstAnswerMs: 0, worstAnswerFile: '', problems: [] };
  const deadline = options.timeBudgetMs ? Date.now() + options.timeBudgetMs : Infinity;
  const fragments = options.files.map((f) => f.text);
  const editor = new TestEditor();
  const problem = (text: string) => {
    stats.problems.push(text);
    options.log?.(`  server: ${text}`);
  };
  try {
    await editor.initialize();
    let n = 0;
    for (const file of options.files) {
      if (Date.now() > deadline || editor.exitCode !== null) break;
      if (options.includeFile && !options.includeFile(file.name)) continue;
      stats.files++;
      const uri = pathToFileURL(join(tmpdir(), `shipshape-fuzz-${process.pid}`, String(++n), FILE_NAMES[file.kind])).href;
      const random = new Random(seedFor(options.seed, `server:${file.name}`));
      const texts = new Map<number, string>();
      const answer = async (version: number, started: number, what: string): Promise<Diagnostic[] | null> => {
        let diagnostics: Diagnostic[];
        try {
          diagnostics = await editor.diagnostics(uri, version, SLOW_ANSWER_MS * 4);
        } catch (error) {
          problem(`${file.name} ${what}: ${String(error).slice(0, 300)}`);
          return null;
        }
        const ms = performance.now() - started;
        stats.versions++;
        if (ms > stats.worstAnswerMs) {
          stats.worstAnswerMs = ms;
          stats.worstAnswerFile = `${file.name} ${what}`;
        }
        if (ms > SLOW_ANSWER_MS) problem(`${file.name} ${what}: answered in ${ms.toFixed(0)} ms`);
        const text = texts.get(version);
        if (text !== undefined) {
          const index = new LineIndex(text);
          for (const d of diagnostics) {
            const bad = rangeProblem(index, d.range);
            if (bad) problem(`${file.name} ${what}: ${d.code} "${d.message}": ${bad}`);
          }
        }
        return diagnostics;
      };

      let started = performance.now();
      await editor.open(uri, file.text, LANGUAGES[file.kind]);
      texts.set(1, file.text);
      let diagnostics = await answer(1, started, 'open');
      for (let step = 0; step < options.editsPerFile && diagnostics && Date.now() <= deadline; step++) {
        // A burst: several versions sent at once; only the last one must be published, none after a newer one.
        const burst = random.chance(0.15) ? 2 + random.int(6) : 1;
        started = performance.now();
        let version = 0;
        for (let i = 0; i < burst; i++) {
          const document = editor.documents.get(uri)!;
          const text = document.getText();
          const edit = randomEdit(random, text, fragments);
          if (text.length - (edit.end - edit.start) + edit.text.length > 300_000) continue;
          version = await editor.change(uri, [{ range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, text: edit.text }]);
          texts.set(version, editor.text(uri));
        }
        if (version === 0) continue;
        diagnostics = await answer(version, started, `step ${step}`);
        const seen = editor.published.filter((p) => p.uri === uri).map((p) => p.version ?? -1);
        for (let i = 1; i < seen.length; i++) if (seen[i] < seen[i - 1]) problem(`${file.name}: version ${seen[i]} published after ${seen[i - 1]}`);
        if (!diagnostics || !random.chance(0.2) || diagnostics.length === 0) continue;

        // Quick fixes for one diagnostic: apply the preferred one, its finding must be gone.
        const target = random.pick(diagnostics);
        stats.codeActions++;
        const actions = await editor.codeActions(uri, target.range, [target]);
        const preferred = actions.find((a) => a.isPreferred && a.diagnostics?.some((d) => diagKey(d) === diagKey(target)) && a.edit);
        if (!preferred) continue;
        const before = editor.text(uri);
        started = performance.now();
        let applied: Awaited<ReturnType<TestEditor['apply']>>;
        try {
          applied = await editor.apply(preferred.edit!);
        } catch (error) {
          problem(`${file.name} step ${step}: fix "${preferred.title}" does not apply: ${String(error)}`);
          continue;
        }
        const fixedVersion = applied.versions.get(uri);
        if (fixedVersion === undefined) continue;
        stats.fixesApplied++;
        texts.set(fixedVersion, editor.text(uri));
        diagnostics = await answer(fixedVersion, started, `step ${step} after fix`);
        const alike = (d: Diagnostic) => d.code === target.code && d.message === target.message;
        if (diagnostics && editor.text(uri) !== before && diagnostics.filter(alike).length >= (await editor.diagnostics(uri, fixedVersion - 1).catch(() => [] as Diagnostic[])).filter(alike).length && diagnostics.some((d) => diagKey(d) === diagKey(target))) {
          problem(`${file.name} step ${step}: after "${preferred.title}", ${target.code} "${target.message}" is still reported`);
        }
      }
      await editor.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      editor.documents.delete(uri);
      if (editor.exitCode !== null) problem(`the server exited (code ${editor.exitCode}) after ${file.name}`);
    }
    if (/could not lint|failed on/.test(editor.stderr)) problem(`server log: ${editor.stderr.split('\n').find((l) => /could not lint|failed on/.test(l))}`);
  } finally {
    await editor.close();
  }
  return stats;
}

