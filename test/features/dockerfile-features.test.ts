import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  CompletionItem,
  DocumentLink,
  DocumentSymbol,
  DocumentHighlight,
  FoldingRange,
  Hover,
  Location,
  MarkupContent,
  Range,
  SemanticTokens,
  SignatureHelp,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TestEditor } from '../lsp/lsp-client';
import { eventually, positionOf, registeredMethods, startEditor } from './feature-editor';

let counter = 0;
const newUri = () => `file:///tmp/shipshape-features-${process.pid}-${++counter}/Dockerfile`;

const MULTI_STAGE = [
  'FROM node:22-bookworm-slim AS build',
  'ARG VERSION=1.2.3',
  'ENV APP_HOME=/app',
  'WORKDIR $APP_HOME',
  'RUN --mount=type=cache,from=build,target=/root/.npm npm ci',
  'RUN echo ${VERSION}',
  '',
  'FROM gcr.io/distroless/nodejs22-debian12',
  'COPY --from=build /app /app',
  'USER 65532:65532',
  'CMD ["/app/server.js"]',
  '',
].join('\n');

describe('Dockerfile language features over LSP', () => {
  let editor: TestEditor;
  before(async () => {
    ({ editor } = await startEditor({ initializationOptions: { ruleDocCommand: 'shipshape.openRuleDoc' } }));
    await eventually(() => registeredMethods(editor, 'dockerfile').length > 0, 'Dockerfile registrations');
  });
  after(async () => {
    await editor.close();
  });

  const open = async (text: string): Promise<string> => {
    const uri = newUri();
    await editor.open(uri, text);
    await editor.diagnostics(uri, 1);
    return uri;
  };
  const at = (uri: string, text: string, needle: string, offset = 0, n = 0) => ({ textDocument: { uri }, position: positionOf(text, needle, offset, n) });
  const labels = (items: CompletionItem[] | null) => (items ?? []).map((item) => item.label);

  it('registers every basic feature for Dockerfiles', () => {
    assert.deepEqual(registeredMethods(editor, 'dockerfile'), [
      'textDocument/completion',
      'textDocument/definition',
      'textDocument/documentHighlight',
      'textDocument/documentLink',
      'textDocument/documentSymbol',
      'textDocument/foldingRange',
      'textDocument/formatting',
      'textDocument/onTypeFormatting',
      'textDocument/rangeFormatting',
      'textDocument/rename',
      'textDocument/semanticTokens',
      'textDocument/signatureHelp',
    ]);
  });

  it('completes instructions at the start of a line', async () => {
    const text = 'FROM alpine:3.20\n\n';
    const uri = await open(text);
    const items = await editor.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } });
    for (const label of ['RUN command', 'COPY source dest', 'USER daemon', 'WORKDIR /the/workdir/path']) assert.ok(labels(items).includes(label), label);
    const resolved = await editor.request<CompletionItem>('completionItem/resolve', items.find((item) => item.label === 'USER daemon'));
    assert.match((resolved.documentation as MarkupContent).value, /user name|UID/i);
  });

  it('completes flags, stage names after --from= and in RUN --mount from=, and ARG/ENV variables', async () => {
    const text = MULTI_STAGE.replace('COPY --from=build /app /app', 'COPY --from= /app /app').replace('RUN echo ${VERSION}', 'RUN echo $\nCOPY --');
    const uri = await open(text);
    assert.deepEqual(labels(await editor.request('textDocument/completion', at(uri, text, 'COPY --from= ', '--from='.length + 5))), ['build']);
    assert.deepEqual(labels(await editor.request('textDocument/completion', at(uri, text, 'from=build', 'from='.length + 1))), ['build']);
    const flags = labels(await editor.request('textDocument/completion', at(uri, text, 'COPY --\n', 'COPY --'.length)));
    assert.ok(flags.includes('--from=stage') && flags.includes('--chown=user:group'), flags.join(' '));
    const variables = labels(await editor.request('textDocument/completion', at(uri, text, 'RUN echo $', 'RUN echo $'.length)));
    assert.ok(variables.includes('${VERSION}') && variables.includes('${APP_HOME}'), variables.join(' '));
  });

  it('never asks a registry for tags while completing FROM', async () => {
    const text = 'FROM alpine:\n';
    const uri = await open(text);
    const started = Date.now();
    assert.deepEqual(await editor.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 12 } }), []);
    assert.ok(Date.now() - started < 1000);
  });

  it('hovers instruction docs', async () => {
    const uri = await open(MULTI_STAGE);
    const hover = await editor.request<Hover>('textDocument/hover', at(uri, MULTI_STAGE, 'WORKDIR', 2));
    assert.match((hover.contents as MarkupContent).value, /working directory/i);
  });

  it("hovers a finding with its rule's summary and a link to its page", async () => {
    const text = 'FROM node:22-bookworm-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n';
    const uri = await open(text);
    const hover = await editor.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /\*\*Shipshape `final-user-root`\*\* \(warning · DL3002/);
    assert.match(value, /\[Rule documentation\]\(command:shipshape\.openRuleDoc\?%5B%22final-user-root%22%5D\) · a quick fix is available/);
    // The instruction's own documentation follows the finding.
    assert.match(value, /---[\s\S]*Set the `baseImage`/);
  });

  it('gives signature help for an instruction', async () => {
    const text = 'FROM alpine:3.20\nCOPY a b\n';
    const uri = await open(text);
    const help = await editor.request<SignatureHelp>('textDocument/signatureHelp', { textDocument: { uri }, position: { line: 1, character: 5 } });
    assert.ok(help.signatures.some((signature) => signature.label.startsWith('COPY')), JSON.stringify(help.signatures.map((s) => s.label)));
  });

  it('formats the document, a range, and a continuation line on type', async () => {
    const text = 'FROM alpine:3.20\n  RUN echo a \\\necho b\n';
    const uri = await open(text);
    const options = { tabSize: 4, insertSpaces: true };
    const apply = (edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create(uri, 'dockerfile', 1, text), edits);
    assert.equal(apply(await editor.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options })), 'FROM alpine:3.20\nRUN echo a \\\n    echo b\n');
    const range: Range = { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } };
    assert.equal(apply(await editor.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, range, options })), 'FROM alpine:3.20\nRUN echo a \\\necho b\n');
    const onType = await editor.request<TextEdit[]>('textDocument/onTypeFormatting', { textDocument: { uri }, position: { line: 1, character: 13 }, ch: '\\', options });
    assert.ok(Array.isArray(onType));
  });

  it('folds multi-line instructions', async () => {
    const text = 'FROM alpine:3.20\nRUN echo a \\\n  && echo b\n';
    const uri = await open(text);
    const ranges = await editor.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(ranges.map((r) => [r.startLine, r.endLine]), [[1, 2]]);
  });

  it('outlines stages with their instructions', async () => {
    const uri = await open(MULTI_STAGE);
    const symbols = await editor.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail, (s.children ?? []).map((c) => c.name)]),
      [
        ['build', 'node:22-bookworm-slim', ['ARG', 'ENV', 'WORKDIR', 'RUN', 'RUN']],
        ['stage 1', 'gcr.io/distroless/nodejs22-debian12', ['COPY', 'USER', 'CMD']],
      ],
    );
    assert.deepEqual(symbols[0].selectionRange, { start: { line: 0, character: 30 }, end: { line: 0, character: 35 } });
  });

  it('goes to the definition of a stage (COPY --from, RUN --mount from=) and of a variable', async () => {
    const uri = await open(MULTI_STAGE);
    const stage = { uri, range: { start: { line: 0, character: 30 }, end: { line: 0, character: 35 } } };
    assert.deepEqual(await editor.request<Location>('textDocument/definition', at(uri, MULTI_STAGE, '--from=build', 9)), stage);
    assert.deepEqual(await editor.request<Location>('textDocument/definition', at(uri, MULTI_STAGE, 'from=build', 6)), stage);
    assert.deepEqual(await editor.request<Location>('textDocument/definition', at(uri, MULTI_STAGE, '${VERSION}', 3)), {
      uri,
      range: { start: { line: 1, character: 4 }, end: { line: 1, character: 11 } },
    });
  });

  it('renames a stage everywhere it is used, and an ARG with its uses', async () => {
    const uri = await open(MULTI_STAGE);
    const apply = (edit: WorkspaceEdit) => TextDocument.applyEdits(TextDocument.create(uri, 'dockerfile', 1, MULTI_STAGE), edit.changes![uri]);
    assert.deepEqual(await editor.request('textDocument/prepareRename', at(uri, MULTI_STAGE, 'from=build', 6)), {
      start: { line: 4, character: 28 },
      end: { line: 4, character: 33 },
    });
    const renamedStage = apply(await editor.request<WorkspaceEdit>('textDocument/rename', { ...at(uri, MULTI_STAGE, 'from=build', 6), newName: 'deps' }));
    assert.equal(renamedStage, MULTI_STAGE.replace('AS build', 'AS deps').replace('from=build,', 'from=deps,').replace('--from=build', '--from=deps'));
    const renamedArg = apply(await editor.request<WorkspaceEdit>('textDocument/rename', { ...at(uri, MULTI_STAGE, 'VERSION=', 1), newName: 'RELEASE' }));
    assert.equal(renamedArg, MULTI_STAGE.replace('ARG VERSION=', 'ARG RELEASE=').replace('${VERSION}', '${RELEASE}'));
  });

  it('highlights a stage name and its uses', async () => {
    const uri = await open(MULTI_STAGE);
    const highlights = await editor.request<DocumentHighlight[]>('textDocument/documentHighlight', at(uri, MULTI_STAGE, 'AS build', 4));
    assert.deepEqual(highlights.map((h) => h.range.start.line).sort(), [0, 8]);
  });

  it('links image names to their registry pages', async () => {
    const uri = await open(MULTI_STAGE);
    const links = await editor.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(links.map((l) => [l.range.start.line, l.target]), [[0, 'https://hub.docker.com/_/node/']]);
  });

  it('gives semantic tokens with the registered legend', async () => {
    const uri = await open('FROM alpine:3.20 AS base\n# a comment\n');
    const registration = [...editor.registrations.values()].find((r) => r.method === 'textDocument/semanticTokens')!;
    const legend = (registration.registerOptions as { legend: { tokenTypes: string[] } }).legend;
    const { data } = await editor.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const tokens: [number, number, number, string][] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
      tokens.push([line, character, data[i + 2], legend.tokenTypes[data[i + 3]]]);
    }
    assert.deepEqual(tokens[0], [0, 0, 4, 'keyword']);
    assert.ok(tokens.some(([l, , , type]) => l === 1 && type === 'comment'), JSON.stringify(tokens));
  });
});

describe('switching the Dockerfile and compose features off and on', () => {
  it('unregisters them when the client says another Docker extension gives them, and registers them again', async () => {
    const { editor } = await startEditor({ initializationOptions: { languageFeatures: { dockerfile: false, compose: true } } });
    try {
      await eventually(() => registeredMethods(editor, 'dockercompose').length > 0, 'compose registrations');
      assert.deepEqual(registeredMethods(editor, 'dockerfile'), []);
      const uri = newUri();
      await editor.open(uri, 'FROM alpine:3.20\n\n');
      await editor.diagnostics(uri, 1);
      // Requests that still arrive get nothing, so nothing is shown twice.
      assert.equal(await editor.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } }), null);
      // The hover keeps the findings (hardening) and leaves instruction docs to the other extension.
      const hover = (await editor.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } }))?.contents as MarkupContent | undefined;
      assert.doesNotMatch(hover?.value ?? '', /baseImage/);
      await editor.connection.sendNotification('shipshape/languageFeatures', { dockerfile: true, compose: false });
      await eventually(() => registeredMethods(editor, 'dockerfile').length === 12 && registeredMethods(editor, 'dockercompose').length === 0, 'switched registrations');
      assert.ok(labels(await editor.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } })).includes('RUN command'));
      // Diagnostics never depended on the switches.
      const version = await editor.change(uri, [{ text: 'FROM alpine:3.20\nCMD ["app"]\n' }]);
      assert.ok((await editor.diagnostics(uri, version)).some((d) => d.code === 'final-user-root'));
    } finally {
      await editor.close();
    }
  });

  it('declares the features statically for a client without dynamic registration', async () => {
    const { editor, capabilities } = await startEditor({ dynamic: false });
    try {
      for (const provider of ['completionProvider', 'hoverProvider', 'signatureHelpProvider', 'documentFormattingProvider', 'documentRangeFormattingProvider', 'foldingRangeProvider', 'documentSymbolProvider', 'definitionProvider', 'renameProvider', 'documentHighlightProvider', 'documentLinkProvider', 'semanticTokensProvider']) {
        assert.ok(capabilities[provider], provider);
      }
      assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.shipshape'], resolveProvider: false });
      // Schema problems come with the other findings: no pull diagnostics channel of its own.
      assert.equal(capabilities.diagnosticProvider, undefined);
      assert.equal(editor.registrations.size, 0);
    } finally {
      await editor.close();
    }
  });
});

function labels(items: unknown): string[] {
  return ((items as CompletionItem[] | null) ?? []).map((item) => item.label);
}
