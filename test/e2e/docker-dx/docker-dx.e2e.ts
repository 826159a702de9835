/// <reference types="mocha" />
/**
 * Beside Docker DX: with an extension of its id (docker.docker) installed, Shipshape's basic
 * language features (completion, instruction hover docs, outline) step aside under the default
 * `auto` setting, so nothing shows twice, while its findings, their quick fixes and their hover
 * stay. Turning `shipshape.languageFeatures.*` to "on" brings the features back in the running
 * extension host: these tests run on in the same host, so no reload happened.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { completionLabelsAt, EXTENSION_ID, hoverTextAt, lines, openFile, quickFixesFor, ruleOf, setSetting, settledDiagnostics, waitFor } from '../suite/helpers';

const DOCKER_DX = 'docker.docker';
const DOCKERFILE = lines('FROM node:22-slim', 'CMD ["node", "server.js"]', '');
const COMPOSE = 'services:\n  web:\n    image: nginx:1.27\n    read\n';
/** The empty last line of DOCKERFILE, where Shipshape completes instructions ("RUN command", "USER …"). */
const INSTRUCTION_START = new vscode.Position(2, 0);
/** After "read" in COMPOSE, where Shipshape completes the service key read_only. */
const SERVICE_KEY = new vscode.Position(3, 8);
/** The start of Shipshape's hover docs of FROM. */
const FROM_DOCS = 'Set the `baseImage`';

const hasInstructionItems = (labels: string[]) => labels.includes('RUN command') || labels.some((label) => label.startsWith('USER '));

describe('beside Docker DX (docker.docker installed)', () => {
  let dockerfile: vscode.TextDocument;
  let compose: vscode.TextDocument;

  before(async () => {
    dockerfile = await openFile('Dockerfile', DOCKERFILE);
    compose = await openFile('compose.yaml', COMPOSE);
  });

  after(async () => {
    await setSetting('shipshape.languageFeatures.dockerfile', undefined);
    await setSetting('shipshape.languageFeatures.compose', undefined);
  });

  it('Docker DX is installed, and Shipshape activates beside it', async () => {
    assert.ok(vscode.extensions.getExtension(DOCKER_DX), `${DOCKER_DX} is installed`);
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await waitFor(`${EXTENSION_ID} to activate`, () => extension.isActive);
  });

  it('the findings stay, with their quick fixes and their hover', async () => {
    const [finding] = (await settledDiagnostics(dockerfile.uri, 'a final-user-root finding', (ds) => ds.some((d) => ruleOf(d) === 'final-user-root'), 20_000)).filter((d) => ruleOf(d) === 'final-user-root');
    const fixes = await quickFixesFor(dockerfile.uri, finding);
    assert.ok(fixes.has('Add a non-root user and switch to it'), `the quick fix is offered: ${JSON.stringify([...fixes.keys()])}`);
    const hover = await waitFor('the hover of the finding', async () => {
      const text = await hoverTextAt(dockerfile.uri, new vscode.Position(0, 1));
      return text.includes('Shipshape `final-user-root`') && text;
    });
    assert.ok(!hover.includes(FROM_DOCS), `no instruction docs in the hover, Docker DX gives them: ${hover}`);
  });

  it("Shipshape's Dockerfile completion and outline, and its compose completion, are off", async () => {
    // The findings above came after the server registered what is on: a feature missing now is off.
    const labels = await completionLabelsAt(dockerfile.uri, INSTRUCTION_START);
    assert.ok(!hasInstructionItems(labels), `no Shipshape instruction items: ${JSON.stringify(labels)}`);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', dockerfile.uri);
    assert.deepEqual(symbols ?? [], [], 'no outline of the stages');
    await settledDiagnostics(compose.uri, 'the compose findings', (ds) => ds.some((d) => ruleOf(d) === 'compose-read-only'), 20_000);
    const composeLabels = await completionLabelsAt(compose.uri, SERVICE_KEY);
    assert.ok(!composeLabels.includes('read_only'), `no Shipshape compose keys: ${JSON.stringify(composeLabels)}`);
  });

  it('shipshape.languageFeatures.dockerfile "on" brings Dockerfile completion and hover docs back, without a reload; compose stays off', async () => {
    await setSetting('shipshape.languageFeatures.dockerfile', 'on');
    await waitFor('Shipshape instruction completion items', async () => hasInstructionItems(await completionLabelsAt(dockerfile.uri, INSTRUCTION_START)), 20_000);
    await waitFor('the FROM docs in the hover', async () => (await hoverTextAt(dockerfile.uri, new vscode.Position(0, 1))).includes(FROM_DOCS));
    assert.ok(!(await completionLabelsAt(compose.uri, SERVICE_KEY)).includes('read_only'), 'compose completion is still off');
  });

  it('shipshape.languageFeatures.compose "on" brings compose completion back', async () => {
    await setSetting('shipshape.languageFeatures.compose', 'on');
    await waitFor('read_only among the compose completion items', async () => (await completionLabelsAt(compose.uri, SERVICE_KEY)).includes('read_only'), 20_000);
  });
});
