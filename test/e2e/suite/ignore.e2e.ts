/**
 * The "ignore" code actions every finding gets, in each file kind: a pragma comment for the line or
 * for the file, applied as the editor applies a picked quick fix; the finding then goes away.
 */
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { applyQuickFix, closeAllEditors, lines, ruleOf, settledDiagnostics } from './helpers';

const RULE = 'final-user-root';
const PRIVILEGED = 'compose-privileged';
const DEAD_PATTERN = 'dockerignore-dead-pattern';
const without = (rule: string) => (ds: vscode.Diagnostic[]) => !ds.some((d) => ruleOf(d) === rule);
const gone = without(RULE);

describe('ignore actions', () => {
  afterEach(closeAllEditors);

  it('"Ignore … for this line" puts a pragma above the instruction, keeping its indentation', async () => {
    const document = await applyQuickFix('ignore/line/Dockerfile', lines('FROM node:22-slim AS base', 'RUN true', 'FROM base', '  USER root'), RULE, `Ignore ${RULE} for this line`);
    assert.equal(document.getText(), lines('FROM node:22-slim AS base', 'RUN true', 'FROM base', `  # shipshape ignore=${RULE}`, '  USER root'));
    await settledDiagnostics(document.uri, `${RULE} to be ignored`, gone);
  });

  it('"Ignore … for this line" extends a pragma that is already there', async () => {
    const document = await applyQuickFix('ignore/extend/Dockerfile', lines('# shipshape ignore=exec-form-variable', 'FROM node:22-slim'), RULE, `Ignore ${RULE} for this line`);
    assert.equal(document.getText(), lines(`# shipshape ignore=exec-form-variable,${RULE}`, 'FROM node:22-slim'));
    await settledDiagnostics(document.uri, `${RULE} to be ignored`, gone);
  });

  it('"Ignore … in this file" puts a global pragma after the parser directives', async () => {
    const document = await applyQuickFix('ignore/file/Dockerfile', lines('# syntax=docker/dockerfile:1', 'FROM node:22-slim', 'CMD ["node"]'), RULE, `Ignore ${RULE} in this file`);
    assert.equal(document.getText(), lines('# syntax=docker/dockerfile:1', `# shipshape global ignore=${RULE}`, 'FROM node:22-slim', 'CMD ["node"]'));
    await settledDiagnostics(document.uri, `${RULE} to be ignored`, gone);
  });

  it('compose: "Ignore … for this line" puts a YAML comment pragma above the key, indented like it; the other findings stay', async () => {
    const text = lines('services:', '  web:', '    image: nginx:1.27', '    privileged: true');
    const document = await applyQuickFix('ignore/compose-line/compose.yaml', text, PRIVILEGED, `Ignore ${PRIVILEGED} for this line`);
    assert.equal(document.languageId, 'dockercompose');
    assert.equal(document.getText(), lines('services:', '  web:', '    image: nginx:1.27', `    # shipshape ignore=${PRIVILEGED}`, '    privileged: true'));
    const left = await settledDiagnostics(document.uri, `${PRIVILEGED} to be ignored`, without(PRIVILEGED));
    assert.ok(left.some((d) => ruleOf(d) === 'compose-read-only'), `compose-read-only is still reported: ${JSON.stringify(left.map(ruleOf))}`);
  });

  it('compose: "Ignore … in this file" puts a global pragma on the first line', async () => {
    const text = lines('services:', '  web:', '    image: nginx:1.27', '    privileged: true');
    const document = await applyQuickFix('ignore/compose-file/compose.yaml', text, PRIVILEGED, `Ignore ${PRIVILEGED} in this file`);
    assert.equal(document.getText(), lines(`# shipshape global ignore=${PRIVILEGED}`, 'services:', '  web:', '    image: nginx:1.27', '    privileged: true'));
    await settledDiagnostics(document.uri, `${PRIVILEGED} to be ignored`, without(PRIVILEGED));
  });

  it('.dockerignore: "Ignore … for this line" puts a pragma above the pattern', async () => {
    const document = await applyQuickFix('ignore/dockerignore-line/.dockerignore', lines('node_modules', '*'), DEAD_PATTERN, `Ignore ${DEAD_PATTERN} for this line`);
    assert.equal(document.getText(), lines(`# shipshape ignore=${DEAD_PATTERN}`, 'node_modules', '*'));
    await settledDiagnostics(document.uri, `${DEAD_PATTERN} to be ignored`, without(DEAD_PATTERN));
  });

  it('.dockerignore: "Ignore … in this file" puts a global pragma on the first line', async () => {
    const document = await applyQuickFix('ignore/dockerignore-file/.dockerignore', lines('*', '!dist', 'dist'), DEAD_PATTERN, `Ignore ${DEAD_PATTERN} in this file`);
    assert.equal(document.getText(), lines(`# shipshape global ignore=${DEAD_PATTERN}`, '*', '!dist', 'dist'));
    await settledDiagnostics(document.uri, `${DEAD_PATTERN} to be ignored`, without(DEAD_PATTERN));
  });
});
