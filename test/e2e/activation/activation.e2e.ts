/// <reference types="mocha" />
/**
 * Activation as a user meets it: a folder with no container files, where the extension is not
 * running, then the user creates a file of one kind and opens it. One VS Code run per kind
 * (SHIPSHAPE_E2E_ACTIVATION), since a host activates only once.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openFile, settledDiagnostics, ruleOf, waitFor } from '../suite/helpers';

const KINDS: Record<string, { file: string; text: string; rule: string }> = {
  dockerfile: { file: 'Dockerfile', text: 'FROM node:22-slim\nCMD ["node", "server.js"]\n', rule: 'final-user-root' },
  compose: { file: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n', rule: 'compose-privileged' },
  // VS Code gives .dockerignore its built-in "ignore" language: activation is onLanguage:ignore.
  dockerignore: { file: '.dockerignore', text: 'node_modules\n.git\nnode_modules\n', rule: 'dockerignore-duplicate-pattern' },
};

const kind = process.env.SHIPSHAPE_E2E_ACTIVATION ?? 'dockerfile';

describe(`activation by a ${kind} file`, () => {
  const { file, text, rule } = KINDS[kind];

  it(`is not active in a folder without container files`, () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    assert.equal(extension.isActive, false);
  });

  it(`activates when the user opens a new ${file}, and checks it`, async () => {
    const document = await openFile(file, text);
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await waitFor(`${EXTENSION_ID} to activate (the file's language is "${document.languageId}")`, () => extension.isActive);
    await settledDiagnostics(document.uri, `a ${rule} finding`, (ds) => ds.some((d) => ruleOf(d) === rule), 20_000);
  });
});
