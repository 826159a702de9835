/**
 * `npm run fuzz [-- --seconds N] [--seed S] [--edits N] [--server] [--save]`: the long fuzz run.
 * Prints the figures (inputs, problems by kind, worst lint time) and, with --save, writes each new
 * problem, shrunk, to test/regressions/cases/.
 */
import { join } from 'node:path';
import { loadCorpus, loadRuleExamples } from './corpus';
import { fuzzEngine, saveRegression } from './engine-fuzz';
import { fuzzServer } from './server-fuzz';

const REGRESSIONS = join(__dirname, '..', '..', '..', 'test', 'regressions', 'cases');

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

async function main(): Promise<void> {
  const seconds = flag('seconds', 120);
  const seed = flag('seed', Date.now() % 1_000_000);
  const edits = flag('edits', 200);
  const save = process.argv.includes('--save');
  const files = [...loadCorpus(), ...loadRuleExamples()];
  console.log(`engine fuzz: seed ${seed}, ${files.length} corpus files and rule examples, up to ${edits} edits each, ${seconds} s`);
  const stats = fuzzEngine({ seed, files, editsPerFile: edits, timeBudgetMs: seconds * 1000, shrink: true, compareEvery: 5, log: console.log });
  console.log(`engine: ${stats.inputs} inputs over ${stats.files} files; ${stats.found.size} distinct problems; slowest lint ${stats.worstLintMs.toFixed(0)} ms (${stats.worstLintFile})`);
  for (const found of stats.found.values()) {
    const where = save ? ` → ${saveRegression(REGRESSIONS, found)}` : '';
    console.log(`  ${found.problem.kind} ${found.problem.rule ?? ''}: ${found.problem.message.slice(0, 200)}${where}`);
  }
  let failed = stats.found.size > 0;
  if (process.argv.includes('--server')) {
    const server = await fuzzServer({ seed, files, editsPerFile: Math.min(edits, 60), timeBudgetMs: seconds * 1000, log: console.log });
    console.log(`server: ${server.versions} versions over ${server.files} files, ${server.codeActions} code action requests, ${server.fixesApplied} fixes applied; ${server.problems.length} problems; slowest answer ${server.worstAnswerMs.toFixed(0)} ms (${server.worstAnswerFile})`);
    for (const problem of server.problems.slice(0, 20)) console.log(`  ${problem}`);
    failed ||= server.problems.length > 0;
  }
  // Every problem is a failure, a fix that leaves its finding included.
  console.log(failed ? 'fuzz: FAILED' : 'fuzz: clean');
  process.exitCode = failed ? 1 : 0;
}

void main();
