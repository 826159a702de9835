/**
 * The extension-host test entry point (`extensionTestsPath`): VS Code, desktop or code-server,
 * loads this module in the extension host and awaits `run()`, which runs every `*.e2e.js` here.
 */
import { runMocha } from '../support/mocha-run';

export function run(): Promise<void> {
  return runMocha(__dirname, '.e2e.js');
}
