/**
 * The entry point of the run beside Docker DX: VS Code opens an empty folder with a stand-in of
 * Docker DX (an extension with its id, docker.docker) installed.
 */
import { runMocha } from '../support/mocha-run';

export function run(): Promise<void> {
  return runMocha(__dirname, '.e2e.js');
}
