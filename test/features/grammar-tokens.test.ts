/**
 * The pragma grammars tokenized by the engine VS Code uses (vscode-textmate with Oniguruma), injected
 * the way VS Code injects them (by `injectTo` in package.json) into the Dockerfile and YAML grammars
 * VS Code ships (from tm-grammars) and into the extension's own .dockerignore grammar.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';
import { loadWASM, OnigScanner, OnigString } from 'vscode-oniguruma';

const ROOT = join(__dirname, '..', '..', '..');
const grammars = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { grammars: { scopeName: string; path: string; injectTo?: string[] }[] } }).contributes.grammars;

function grammarText(scopeName: string): { text: string; path: string } | null {
  const ours = grammars.find((g) => g.scopeName === scopeName);
  if (ours) return { text: readFileSync(join(ROOT, ours.path), 'utf8'), path: ours.path };
  const shipped: Record<string, string> = { 'source.dockerfile': 'docker.json', 'source.yaml': 'yaml.json' };
  if (shipped[scopeName]) return { text: readFileSync(require.resolve(`tm-grammars/grammars/${shipped[scopeName]}`), 'utf8'), path: shipped[scopeName] };
  return null;
}

/** One token per run of text: the text and its scopes past the grammar's own scope name. */
function tokenize(grammar: IGrammar, text: string): [string, string[]][] {
  let stack = INITIAL;
  const out: [string, string[]][] = [];
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, stack);
    for (const token of result.tokens) out.push([line.slice(token.startIndex, token.endIndex), token.scopes.slice(1)]);
    stack = result.ruleStack;
  }
  return out;
}

/** The scopes of the token that covers `needle` exactly (it fails when no token is exactly that text). */
function scopesOf(tokens: [string, string[]][], needle: string): string[] {
  const token = tokens.find(([text]) => text === needle);
  assert.ok(token, `a token "${needle}" in ${JSON.stringify(tokens.map(([text]) => text))}`);
  return token[1];
}

const SHIPSHAPE = /\.shipshape$/;
const hasShipshapeScope = (tokens: [string, string[]][]) => tokens.some(([, scopes]) => scopes.some((s) => SHIPSHAPE.test(s)));

describe('pragma grammars in the TextMate engine', () => {
  const loaded: Record<string, IGrammar> = {};
  before(async () => {
    await loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
    const registry = new Registry({
      onigLib: Promise.resolve({ createOnigScanner: (patterns: string[]) => new OnigScanner(patterns), createOnigString: (text: string) => new OnigString(text) }),
      loadGrammar: async (scopeName) => {
        const found = grammarText(scopeName);
        return found ? parseRawGrammar(found.text, found.path) : null;
      },
      getInjections: (scopeName) => grammars.filter((g) => g.injectTo?.includes(scopeName)).map((g) => g.scopeName),
    });
    for (const scope of ['source.dockerfile', 'source.dockerignore', 'source.yaml.compose']) {
      const grammar = await registry.loadGrammar(scope);
      assert.ok(grammar, scope);
      loaded[scope] = grammar;
    }
  });

  it('colours an ignore pragma of a Dockerfile: the directive, the keyword and each rule id', () => {
    const tokens = tokenize(loaded['source.dockerfile'], 'FROM debian:12\n# shipshape ignore=final-user-root, DL3008\nUSER root\n');
    const line = 'comment.line.number-sign.pragma.ignore.shipshape';
    assert.deepEqual(scopesOf(tokens, '#'), [line, 'punctuation.definition.comment.shipshape']);
    assert.deepEqual(scopesOf(tokens, 'shipshape'), [line, 'keyword.control.directive.pragma.shipshape']);
    assert.deepEqual(scopesOf(tokens, 'ignore'), [line, 'keyword.other.ignore.shipshape']);
    assert.deepEqual(scopesOf(tokens, '='), [line, 'keyword.operator.assignment.shipshape']);
    assert.deepEqual(scopesOf(tokens, 'final-user-root'), [line, 'constant.other.rule-id.shipshape']);
    assert.deepEqual(scopesOf(tokens, 'DL3008'), [line, 'constant.other.rule-id.shipshape']);
    assert.deepEqual(scopesOf(tokens, ','), [line, 'punctuation.separator.comma.shipshape']);
  });

  it('colours hadolint\'s pragma and BuildKit\'s directives', () => {
    const tokens = tokenize(loaded['source.dockerfile'], '# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended;error=true\nFROM alpine:3.20\n# hadolint ignore=DL3018\nRUN apk add curl\n');
    assert.deepEqual(scopesOf(tokens, 'docker/dockerfile:1'), ['comment.line.number-sign.directive.shipshape', 'string.unquoted.directive-value.shipshape']);
    assert.deepEqual(scopesOf(tokens, 'syntax'), ['comment.line.number-sign.directive.shipshape', 'keyword.control.directive.buildkit.shipshape']);
    assert.deepEqual(scopesOf(tokens, 'check'), ['comment.line.number-sign.directive.check.shipshape', 'keyword.control.directive.buildkit.shipshape']);
    assert.deepEqual(scopesOf(tokens, 'JSONArgsRecommended'), ['comment.line.number-sign.directive.check.shipshape', 'constant.other.rule-id.shipshape']);
    assert.deepEqual(scopesOf(tokens, 'true'), ['comment.line.number-sign.directive.check.shipshape', 'constant.language.boolean.shipshape']);
    assert.deepEqual(scopesOf(tokens, 'hadolint'), ['comment.line.number-sign.pragma.ignore.shipshape', 'keyword.control.directive.pragma.shipshape']);
    assert.deepEqual(scopesOf(tokens, 'DL3018'), ['comment.line.number-sign.pragma.ignore.shipshape', 'constant.other.rule-id.shipshape']);
  });

  it('leaves strings, plain comments and other lines to the Dockerfile grammar', () => {
    const tokens = tokenize(loaded['source.dockerfile'], 'FROM alpine:3.20\nRUN echo "# shipshape ignore=final-user-root"\n# a comment about shipshape ignore=nothing\nENV NOTE="# hadolint ignore=DL3008"\n');
    assert.equal(hasShipshapeScope(tokens), false, JSON.stringify(tokens));
    assert.ok(tokens.some(([, scopes]) => scopes.includes('comment.line.number-sign.dockerfile')), 'the plain comment is the Dockerfile grammar\'s');
    assert.ok(tokens.some(([text, scopes]) => text.includes('# shipshape') && scopes.some((s) => s.startsWith('string.quoted.double'))), 'the string stays a string');
  });

  it('colours pragmas in .dockerignore', () => {
    const tokens = tokenize(loaded['source.dockerignore'], '# shipshape global ignore=dockerignore-leaks-sensitive\nnode_modules\n# just a comment\n!.env.example\n');
    assert.deepEqual(scopesOf(tokens, 'global'), ['comment.line.number-sign.pragma.ignore.shipshape', 'storage.modifier.scope.shipshape']);
    assert.deepEqual(scopesOf(tokens, 'dockerignore-leaks-sensitive'), ['comment.line.number-sign.pragma.ignore.shipshape', 'constant.other.rule-id.shipshape']);
    assert.deepEqual(scopesOf(tokens, '# just a comment'), ['comment.line.number-sign.dockerignore']);
    assert.deepEqual(scopesOf(tokens, '!'), ['keyword.operator.negation.dockerignore']);
    assert.deepEqual(scopesOf(tokens, 'node_modules'), []);
  });

  it('colours pragmas inside the comments of compose files, and not in their strings', () => {
    const tokens = tokenize(loaded['source.yaml.compose'], 'services:\n  web:\n    # shipshape ignore=compose-read-only, compose-user-root\n    image: "nginx # trivy:ignore:AVD-DS-0002"\n    user: root # checkov:skip=CKV_DOCKER_8\n');
    const comment = tokens.find(([text]) => text === 'shipshape')![1];
    assert.equal(comment[comment.length - 1], 'keyword.control.directive.pragma.shipshape');
    assert.ok(comment.includes('comment.line.number-sign.yaml'), JSON.stringify(comment));
    assert.equal(scopesOf(tokens, 'compose-read-only').at(-1), 'constant.other.rule-id.shipshape');
    assert.equal(scopesOf(tokens, 'compose-user-root').at(-1), 'constant.other.rule-id.shipshape');
    assert.equal(scopesOf(tokens, 'CKV_DOCKER_8').at(-1), 'constant.other.rule-id.shipshape');
    assert.ok(!tokens.some(([text, scopes]) => text.includes('AVD-DS-0002') && scopes.some((s) => SHIPSHAPE.test(s))), 'not inside a string');
  });
});
