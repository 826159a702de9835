#!/usr/bin/env node
// A stand-in for the VS Code executable, for @vscode/test-electron's `runTests({ vscodeExecutablePath })`:
// it takes the arguments runTests passes to VS Code and runs the same extension tests in code-server
// (VS Code's OSS build as a server, installed by scripts/setup-e2e.sh) with Chromium.
// Understood: --extensionDevelopmentPath=, --extensionTestsPath=, --user-data-dir=, --extensions-dir=
// and the folder to open (the first argument that is not a flag); other flags are desktop-only.
const path = require('node:path');

const supportModule = path.join(__dirname, '..', 'out', 'test', 'e2e', 'support', 'code-server.js');
const options = { extensionDevelopmentPath: undefined, extensionTestsPath: undefined, folder: undefined };
const flags = {
  '--extensionDevelopmentPath': 'extensionDevelopmentPath',
  '--extensionTestsPath': 'extensionTestsPath',
  '--user-data-dir': 'userDataDir',
  '--extensions-dir': 'extensionsDir',
};
for (const arg of process.argv.slice(2)) {
  const eq = arg.indexOf('=');
  const name = eq > 0 ? arg.slice(0, eq) : arg;
  if (flags[name] && eq > 0) options[flags[name]] = arg.slice(eq + 1);
  else if (!arg.startsWith('-') && options.folder === undefined) options.folder = arg;
}
if (!options.extensionDevelopmentPath || !options.extensionTestsPath || !options.folder) {
  console.error('usage: code-shim.js <folder> --extensionDevelopmentPath=<path> --extensionTestsPath=<path> [--user-data-dir=<path>] [--extensions-dir=<path>]');
  process.exit(2);
}
const { runExtensionTests } = require(supportModule); // also kills what it starts on SIGINT/SIGTERM/SIGHUP and exit
// When the process that started this one goes away (the test runner was killed), stop as if interrupted.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && process.kill(process.pid, 'SIGTERM'), 500).unref();
runExtensionTests({ ...options, timeoutMs: Number(process.env.SHIPSHAPE_E2E_TIMEOUT_MS) || undefined }).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
