/**
 * The entry point of the Restricted Mode run: VS Code with workspace trust on opens the fixture
 * workspace without trusting it, and the tests here check what still works and what refuses.
 */
import { runMocha } from '../support/mocha-run';

export function run(): Promise<void> {
  return runMocha(__dirname, '.e2e.js');
}
