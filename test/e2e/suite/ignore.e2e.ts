/** The "ignore" code actions every finding gets: a pragma for the line or for the file. */
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { applyQuickFix, closeAllEditors, lines, ruleOf, settledDiagnostics } from './helpers';

const RULE = 'final-user-root';
const gone = (ds: vscode.Diagnostic[]) => !ds.some((d) => ruleOf(d) === RULE);

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
});
