// `npm run bench`: typing latency over LSP and CLI throughput over the corpus, side by side with
// dockerfile-language-server-nodejs and dockerfile-utils, reported as ratios (ours / peer).
// Not a test: figures depend on the machine; compare ratios, not absolute times.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { generateDockerfile } from './bench/generate.mjs';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const corpus = join('..', 'shared', 'corpus');
const sizes = [100, 1000, 5000];
// Two windows of the same typing session: the first keystrokes after the file opens (V8 is still
// compiling the hot code, as in the first minute of a real session) and the same number later,
// once both servers run compiled code.
const keystrokes = Number(process.env.BENCH_KEYSTROKES ?? 60);
const steadyAfter = Number(process.env.BENCH_STEADY_AFTER ?? 200);
const cliRuns = Number(process.env.BENCH_RUNS ?? 5);

// Each server as its editor extension starts it: ours with the Node options its client passes.
const shipshapeNodeOptions = JSON.parse(readFileSync('server/src/launch/node-options.json', 'utf8'));
const servers = {
  shipshape: [process.execPath, [...shipshapeNodeOptions, 'dist/server.js', '--stdio']],
  'dockerfile-language-server-nodejs': [process.execPath, ['node_modules/dockerfile-language-server-nodejs/bin/docker-langserver', '--stdio']],
};

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function peakRssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kib / 1024;
}

function summary(times) {
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) };
}

/**
 * Starts the server, opens the file (timing the first diagnostics), then types into a RUN line near
 * the middle, waiting for each version's diagnostics: `keystrokes` counted at once, then
 * `steadyAfter` more, of which the last `keystrokes` are counted again.
 */
async function typingLatency(name, text) {
  const [command, args] = servers[name];
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let onPublish = () => undefined;
  connection.onNotification('textDocument/publishDiagnostics', (params) => onPublish(params));
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.listen();
  const started = process.hrtime.bigint();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification('initialized', {});

  const uri = 'file:///bench/Dockerfile';
  let document = TextDocument.create(uri, 'dockerfile', 1, text);
  const published = (version) =>
    new Promise((resolve) => {
      // The peer publishes without a version: the first publication after the change is its answer.
      onPublish = (params) => {
        if (params.uri === uri && (params.version === undefined || params.version === null || params.version >= version)) resolve();
      };
    });
  let wait = published(1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
  await wait;
  const firstDiagnosticsMs = Number(process.hrtime.bigint() - started) / 1e6;

  const lines = text.split('\n');
  let line = Math.floor(lines.length / 2);
  while (line < lines.length && !/^RUN\s+\S/.test(lines[line])) line++;
  if (line === lines.length) line = Math.floor(lines.length / 2);
  const column = Math.min(lines[line].length, 8);
  const times = [];
  const total = keystrokes + steadyAfter;
  for (let i = 0; i < total; i++) {
    const at = { line, character: column + i };
    const change = { range: { start: at, end: at }, text: 'x' };
    document = TextDocument.update(document, [change], document.version + 1);
    wait = published(document.version);
    const start = process.hrtime.bigint();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: document.version }, contentChanges: [change] });
    await wait;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const rss = peakRssMiB(child.pid);
  await connection.sendRequest('shutdown').catch(() => undefined);
  await connection.sendNotification('exit').catch(() => undefined);
  child.kill();
  connection.dispose();
  return { firstDiagnosticsMs, first: summary(times.slice(0, keystrokes)), steady: summary(times.slice(total - keystrokes)), rssMiB: rss };
}

/** RSS of a server one second after `initialized`, with no document open. */
async function idleRssMiB(name) {
  const [command, args] = servers[name];
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification('initialized', {});
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const kib = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
  await connection.sendRequest('shutdown').catch(() => undefined);
  await connection.sendNotification('exit').catch(() => undefined);
  child.kill();
  connection.dispose();
  return kib / 1024;
}

function timeProcess(command, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, stdout: result.stdout, status: result.status };
}

function median(values) {
  return percentile(values, 50);
}

const round = (n) => Math.round(n * 100) / 100;

async function main() {
  const results = { machine: `${process.platform} ${process.arch}, node ${process.version}`, typing: [], cli: null, corpusFindings: null };
  console.log(`Servers started as their extensions start them: shipshape with node ${shipshapeNodeOptions.join(' ')}, the peer with no options.`);
  console.log(`Typing latency over LSP, ms from didChange to that version's diagnostics: p50/p95 of the first ${keystrokes} keystrokes after open, and of keystrokes ${steadyAfter + 1}-${steadyAfter + keystrokes}`);
  console.log('lines  server                              open ms   first p50    p95   steady p50    p95   peak RSS MiB');
  const cells = (f) =>
    `${f.firstDiagnosticsMs.toFixed(0).padStart(7)}   ${f.first.p50.toFixed(2).padStart(9)} ${f.first.p95.toFixed(2).padStart(6)}   ${f.steady.p50.toFixed(2).padStart(10)} ${f.steady.p95.toFixed(2).padStart(6)}   ${f.rssMiB.toFixed(1).padStart(12)}`;
  for (const size of sizes) {
    const text = generateDockerfile(join(corpus, 'dockerfile'), size);
    const row = { lines: size };
    for (const name of Object.keys(servers)) {
      row[name] = await typingLatency(name, text);
      console.log(`${String(size).padEnd(6)} ${name.padEnd(35)} ${cells(row[name])}`);
    }
    const ours = row.shipshape;
    const peer = row['dockerfile-language-server-nodejs'];
    row.ratio = {
      firstDiagnostics: round(ours.firstDiagnosticsMs / peer.firstDiagnosticsMs),
      first: { p50: round(ours.first.p50 / peer.first.p50), p95: round(ours.first.p95 / peer.first.p95) },
      steady: { p50: round(ours.steady.p50 / peer.steady.p50), p95: round(ours.steady.p95 / peer.steady.p95) },
      rss: round(ours.rssMiB / peer.rssMiB),
    };
    const r = row.ratio;
    console.log(
      `${''.padEnd(6)} ${'ratio shipshape/peer'.padEnd(35)} ${r.firstDiagnostics.toFixed(2).padStart(7)}   ${r.first.p50.toFixed(2).padStart(9)} ${r.first.p95.toFixed(2).padStart(6)}   ${r.steady.p50.toFixed(2).padStart(10)} ${r.steady.p95.toFixed(2).padStart(6)}   ${r.rss.toFixed(2).padStart(12)}`,
    );
    results.typing.push(row);
  }
  results.idle = {};
  for (const name of Object.keys(servers)) results.idle[name] = await idleRssMiB(name);
  console.log(`\nIdle server after initialize, RSS MiB: shipshape ${results.idle.shipshape.toFixed(1)}, peer ${results.idle['dockerfile-language-server-nodejs'].toFixed(1)} (ratio ${(results.idle.shipshape / results.idle['dockerfile-language-server-nodejs']).toFixed(2)})`);

  const dockerfiles = join(corpus, 'dockerfile');
  const ours = [];
  const peer = [];
  let lastOurs;
  for (let i = 0; i < cliRuns + 1; i++) {
    // Like for like: the peer runs no ShellCheck, so neither does this run (ShellCheck is timed below).
    const a = timeProcess(process.execPath, ['bin/shipshape.js', 'check', '--format', 'json', '--no-shellcheck', dockerfiles]);
    const b = timeProcess(process.execPath, ['scripts/bench/peer-validate.mjs', dockerfiles]);
    if (i === 0) continue; // warm-up
    ours.push(a.ms);
    peer.push(b.ms);
    lastOurs = a;
  }
  const files = JSON.parse(lastOurs.stdout).files.length;
  results.cli = {
    files,
    runs: cliRuns,
    shipshapeMs: round(median(ours)),
    peerMs: round(median(peer)),
    shipshapeFilesPerSecond: round(files / (median(ours) / 1000)),
    peerFilesPerSecond: round(files / (median(peer) / 1000)),
    ratio: round(median(ours) / median(peer)),
  };
  console.log(`\nCLI over the corpus (${files} Dockerfiles, one process, median of ${cliRuns} runs, start-up included)`);
  console.log(`shipshape check:            ${results.cli.shipshapeMs.toFixed(0)} ms  (${results.cli.shipshapeFilesPerSecond.toFixed(0)} files/s)`);
  console.log(`dockerfile-utils validate:  ${results.cli.peerMs.toFixed(0)} ms  (${results.cli.peerFilesPerSecond.toFixed(0)} files/s)`);
  console.log(`ratio shipshape/peer:       ${results.cli.ratio.toFixed(2)}`);

  const withShellCheck = timeProcess(process.execPath, ['bin/shipshape.js', 'check', '--format', 'json', '--shellcheck', dockerfiles]);
  results.cli.withShellCheckMs = withShellCheck.status === 2 ? null : round(withShellCheck.ms);
  if (results.cli.withShellCheckMs !== null) console.log(`shipshape check with ShellCheck on every RUN script: ${results.cli.withShellCheckMs.toFixed(0)} ms (one run)`);
  const all = timeProcess(process.execPath, ['bin/shipshape.js', 'check', '--format', 'json', '--no-shellcheck', dockerfiles, join(corpus, 'compose')]);
  const counts = {};
  for (const file of JSON.parse(all.stdout).files) {
    for (const finding of file.findings) {
      counts[finding.rule] ??= { error: 0, warning: 0, info: 0, hint: 0 };
      counts[finding.rule][finding.severity]++;
    }
  }
  results.corpusFindings = counts;
  const total = (severity) => Object.values(counts).reduce((sum, c) => sum + c[severity], 0);
  // The review of each rule's errors and warnings on the corpus (kept current by test/unit/corpus-review.test.ts).
  const reviewed = JSON.parse(readFileSync(join('test', 'corpus-review.json'), 'utf8')).rules;
  const verdict = (rule, c) => (c.error + c.warning === 0 ? '' : reviewed[rule]?.verdict ?? 'not reviewed');
  console.log(`\nFindings on the corpus by rule (error / warning / info / hint, then the review's verdict); warnings in all: ${total('warning')}`);
  for (const [rule, c] of Object.entries(counts).sort((a, b) => b[1].warning - a[1].warning || a[0].localeCompare(b[0]))) {
    console.log(`  ${rule.padEnd(36)} ${String(c.error).padStart(4)} ${String(c.warning).padStart(5)} ${String(c.info).padStart(5)} ${String(c.hint).padStart(5)}  ${verdict(rule, c)}`.trimEnd());
  }

  mkdirSync('.bench', { recursive: true });
  writeFileSync(join('.bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log('\nwritten: .bench/results.json');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
