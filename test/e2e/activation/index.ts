/**
 * The entry point of the activation runs: VS Code opens an empty folder, and the test named by
 * SHIPSHAPE_E2E_ACTIVATION (a file kind) creates and opens one file of that kind.
 */
import { runMocha } from '../support/mocha-run';

export function run(): Promise<void> {
  return runMocha(__dirname, '.e2e.js');
}
