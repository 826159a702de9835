import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, Diagnostic, DocumentLink, DocumentSymbol, Hover, Location, MarkupContent } from 'vscode-languageserver-protocol';
import type { TestEditor } from '../lsp/lsp-client';
import { eventually, positionOf, registeredMethods, startEditor, workspace } from './feature-editor';

const COMPOSE = [
  'x-defaults: &defaults',
  '  restart: unless-stopped',
  '  x-team: payments',
  'services:',
  '  web:',
  '    <<: *defaults',
  '    build: ./web',
  '    image: "registry.example.com/web:${TAG:-1.0.0}"',
  '    ports:',
  '      - "127.0.0.1:${PORT:-8080}:8080"',
  '    depends_on:',
  '      - db',
  '    env_file: .env',
  '    networks: [front, back]',
  '    cpus: ${CPUS:-1}',
  '    x-notes: anything goes',
  '    healthcheck:',
  '      test: ["CMD", "/app", "healthcheck"]',
  '      retries: "${RETRIES:-3}"',
  '  db:',
  '    image: postgres:16.4',
  '    build:',
  '      context: ./db',
  '      dockerfile: db.Dockerfile',
  '    volumes:',
  '      - data:/var/lib/postgresql/data',
  '    secrets:',
  '      - source: db_password',
  '    depends_on:',
  '      web:',
  '        condition: service_healthy',
  '',
  'volumes:',
  '  data: {}',
  'networks:',
  '  front:',
  '  back:',
  'secrets:',
  '  db_password:',
  '    file: ./db_password.txt',
  '',
].join('\n');

describe('compose language features over LSP', () => {
  let editor: TestEditor;
  let files: ReturnType<typeof workspace>;
  let counter = 0;
  before(async () => {
    ({ editor } = await startEditor());
    await eventually(() => registeredMethods(editor, 'dockercompose').length > 0, 'compose registrations');
    files = workspace({ 'web/Dockerfile': 'FROM alpine:3.20\n', 'db/db.Dockerfile': 'FROM postgres:16.4\n', '.env': 'A=1\n', 'db_password.txt': 'x\n' });
  });
  after(async () => {
    await editor.close();
    rmSync(files.folder, { recursive: true, force: true });
  });

  const open = async (text: string): Promise<string> => {
    const uri = files.uri(`compose.${++counter}.yaml`);
    await editor.open(uri, text, 'dockercompose');
    await editor.diagnostics(uri, 1);
    return uri;
  };
  const at = (uri: string, text: string, needle: string, offset = 0, n = 0) => ({ textDocument: { uri }, position: positionOf(text, needle, offset, n) });
  const labels = (items: CompletionItem[] | null) => (items ?? []).map((item) => item.label);
  const schemaProblems = (uri: string) => schemaFindings(editor, uri).map((d) => [d.range.start.line, d.message, d.code, d.severity]);

  it('registers completion, definition, links and the outline for compose files, and no diagnostics channel of its own', () => {
    assert.deepEqual(registeredMethods(editor, 'dockercompose'), ['textDocument/completion', 'textDocument/definition', 'textDocument/documentLink', 'textDocument/documentSymbol']);
  });

  it('completes top-level keys, service keys not yet written, and nested keys from the schema', async () => {
    const text = `${COMPOSE}\n`;
    const uri = await open(`${text}co\n`);
    const top = labels(await editor.request('textDocument/completion', { textDocument: { uri }, position: { line: text.split('\n').length - 1, character: 2 } }));
    assert.deepEqual(top.sort(), ['configs', 'include', 'models', 'name', 'version']);
    const blank = `services:\n  web:\n    image: nginx:1.27\n    \n`;
    const uri2 = await open(blank);
    const serviceKeys = await editor.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: uri2 }, position: { line: 3, character: 4 } });
    assert.ok(labels(serviceKeys).includes('read_only') && labels(serviceKeys).includes('cap_drop') && !labels(serviceKeys).includes('image'));
    const capDrop = serviceKeys.find((item) => item.label === 'cap_drop')!;
    assert.equal(capDrop.textEdit && 'newText' in capDrop.textEdit ? capDrop.textEdit.newText : '', 'cap_drop:\n  $0');
    assert.match((capDrop.documentation as MarkupContent).value, /capabilities/i);
    const nested = `services:\n  web:\n    deploy:\n      resources:\n        limits:\n          \n`;
    const uri3 = await open(nested);
    assert.deepEqual(labels(await editor.request('textDocument/completion', { textDocument: { uri: uri3 }, position: { line: 5, character: 10 } })).sort(), ['cpus', 'memory', 'pids']);
  });

  it('completes values: enums, booleans, known values and names of services, networks, volumes and secrets', async () => {
    const text = [
      'services:',
      '  web:',
      '    read_only: ',
      '    cap_drop:',
      '      - ',
      '    depends_on:',
      '      - ',
      '    networks: [f]',
      '    volumes:',
      '      - type: ',
      '  db:',
      '    depends_on:',
      '      web:',
      '        condition: ',
      'networks:',
      '  front:',
      '',
    ].join('\n');
    const uri = await open(text);
    const values = async (line: number, character: number) => labels(await editor.request('textDocument/completion', { textDocument: { uri }, position: { line, character } }));
    assert.deepEqual(await values(2, 15), ['true', 'false']);
    assert.ok((await values(4, 8)).includes('ALL'));
    assert.deepEqual(await values(6, 8), ['db']);
    assert.deepEqual(await values(7, 16), ['front']);
    assert.deepEqual(await values(9, 14), ['bind', 'volume', 'tmpfs', 'cluster', 'npipe', 'image']);
    assert.deepEqual(await values(13, 19), ['service_started', 'service_healthy', 'service_completed_successfully']);
  });

  it('hovers keys with their schema description, and x- fields as extensions', async () => {
    const uri = await open(COMPOSE);
    const hover = await editor.request<Hover>('textDocument/hover', at(uri, COMPOSE, 'condition:', 2));
    assert.match((hover.contents as MarkupContent).value, /^\*\*condition\*\* \(services › db › depends_on › web › condition\)\n\nWhat to wait for/);
    const extension = await editor.request<Hover>('textDocument/hover', at(uri, COMPOSE, 'x-notes', 2));
    assert.match((extension.contents as MarkupContent).value, /extension field/);
  });

  it('hovers enum values with their key\'s schema description, and safety-relevant values with a note', async () => {
    const text = [
      'services:',
      '  app:',
      '    image: registry.example.com/app:1.0.0',
      '    restart: "no"',
      '    pull_policy: always',
      '    read_only: true',
      '    network_mode: host',
      '    cap_drop:',
      '      - ALL',
      '    cap_add: [NET_BIND_SERVICE, cap_sys_admin]',
      '    security_opt:',
      '      - no-new-privileges:true',
      '      - "seccomp=unconfined"',
      '    volumes:',
      '      - type: bind',
      '        source: ./data',
      '        target: /data',
      '    depends_on:',
      '      db:',
      '        condition: service_healthy',
      '  db:',
      '    image: postgres:16.4',
      '',
    ].join('\n');
    const uri = await open(text);
    /** The value hover's own text (after the hover of any finding on the same spot) and its range. */
    const hoverOf = async (needle: string, offset: number) => {
      const hover = await editor.request<Hover | null>('textDocument/hover', at(uri, text, needle, offset));
      if (!hover) return null;
      const sections = (hover.contents as MarkupContent).value.split('\n\n---\n\n');
      return sections[sections.length - 1];
    };
    assert.equal(await hoverOf('"no"', 1), '**no** (services › app › restart)\n\nNot restarted when it exits or when the Docker daemon restarts (the default).');
    assert.equal(
      await hoverOf('always', 1),
      '**always** (services › app › pull_policy)\n\nPulls the image on every start, so a tag moved in the registry is picked up; pin a digest to know exactly what runs.',
    );
    assert.equal(
      await hoverOf('- ALL', 3),
      '**ALL** (services › app › cap_drop)\n\nDrops every Linux capability: root in the container cannot change file owners, bypass file permissions or use raw sockets. Add back only what the process needs with `cap_add`.',
    );
    assert.match((await hoverOf('cap_sys_admin', 4))!, /^\*\*cap_sys_admin\*\* \(services › app › cap_add\)\n\nA catch-all capability/);
    assert.equal(
      await hoverOf('no-new-privileges', 3),
      '**no-new-privileges:true** (services › app › security_opt)\n\nThe process and its children cannot gain privileges: setuid and setgid programs (`su`, `sudo`) and file capabilities no longer raise them.',
    );
    assert.match((await hoverOf('seccomp=', 2))!, /^\*\*seccomp=unconfined\*\* \(services › app › security_opt\)\n\nTurns off Docker's default seccomp profile/);
    assert.match((await hoverOf('host', 1))!, /^\*\*host\*\* \(services › app › network_mode\)\n\nShares the host's network stack/);
    assert.match((await hoverOf('read_only: true', 12))!, /^\*\*true\*\* \(services › app › read_only\)\n\nThe root filesystem is read-only/);
    assert.equal(
      await hoverOf('service_healthy', 3),
      [
        '**service_healthy** (services › app › depends_on › db › condition)',
        'Waits until the dependency\'s healthcheck passes; the dependency needs a `healthcheck`.',
        'What to wait for: started, healthy (its healthcheck passes) or completed successfully.',
        'Values: `service_started`, `service_healthy`, `service_completed_successfully`',
      ].join('\n\n'),
    );
    assert.equal(await hoverOf('type: bind', 7), '**bind** (services › app › volumes › type)\n\nThe kind of mount.\n\nValues: `bind`, `volume`, `tmpfs`, `cluster`, `npipe`, `image`');
    const range = (await editor.request<Hover>('textDocument/hover', at(uri, text, 'service_healthy', 3))).range;
    assert.deepEqual(range, { start: { line: 19, character: 19 }, end: { line: 19, character: 34 } });
    // Other values have no hover of their own.
    assert.equal(await hoverOf('postgres', 2), null);
  });

  it('publishes schema problems with the other findings, accepting interpolation, x- fields, anchors and merge keys', async () => {
    const uri = await open(COMPOSE);
    assert.deepEqual(schemaProblems(uri), []);
    const broken = COMPOSE.replace('    cpus: ${CPUS:-1}', '    cpus: [1]\n    volumez: []').replace('        condition: service_healthy', '        condition: when_ready').replace('  data: {}', '  data: {}\n  logs:\n    drivr: local');
    const uri2 = await open(broken);
    const lines = broken.split('\n');
    assert.deepEqual(schemaProblems(uri2), [
      [lines.indexOf('    cpus: [1]'), 'services.web.cpus must be number or string', 'compose-schema', 1],
      [lines.indexOf('    volumez: []'), '"volumez" is not a Compose key in services.web', 'compose-schema', 1],
      [lines.indexOf('        condition: when_ready'), 'services.db.depends_on.web.condition must be one of "service_started", "service_healthy", "service_completed_successfully"', 'compose-schema', 1],
      [lines.indexOf('    drivr: local'), '"drivr" is not a Compose key in volumes.logs', 'compose-schema', 1],
    ]);
    // The editor has no second channel to ask: the findings above are all there is.
    await assert.rejects(editor.request('textDocument/diagnostic', { textDocument: { uri: uri2 } }), /Unhandled method|not found|MethodNotFound/i);
  });

  it('gives schema problems the compose-schema rule\'s page, level and pragmas', async () => {
    const broken = 'services:\n  web:\n    image: nginx:1.27\n    volumez: []\n';
    const uri = await open(broken);
    const [problem] = schemaFindings(editor, uri);
    assert.deepEqual([problem.code, problem.source, problem.data], ['compose-schema', 'shipshape', { rule: 'compose-schema' }]);
    assert.match(problem.codeDescription!.href, /\/docs\/rules\/compose-schema\.md$/);
    assert.ok(existsSync(fileURLToPath(problem.codeDescription!.href)), 'the page exists');
    const ignored = await open(broken.replace('    volumez: []', '    # shipshape ignore=compose-schema\n    volumez: []'));
    assert.deepEqual(schemaFindings(editor, ignored), []);
    /** New settings, in force once the server has re-linted the open file with them. */
    const settle = (configuration: unknown) => relinted(editor, uri, configure(editor, configuration));
    try {
      await settle({ rules: { 'compose-schema': 'warning' } });
      assert.deepEqual(schemaProblems(uri), [[3, '"volumez" is not a Compose key in services.web', 'compose-schema', 2]]);
      await settle({ rules: { 'compose-schema': 'off' } });
      assert.deepEqual(schemaFindings(editor, uri), []);
    } finally {
      await settle({});
    }
    assert.equal(schemaFindings(editor, uri).length, 1);
  });

  it('stays quiet on YAML syntax errors (compose-yaml-error reports them)', async () => {
    const uri = await open('services:\n  web: [\n    volumez: []\n');
    assert.deepEqual(schemaProblems(uri), []);
    assert.ok(latestDiagnostics(editor, uri).some((d) => d.code === 'compose-yaml-error'));
  });

  it('goes to the definition of services, networks, volumes and secrets', async () => {
    const uri = await open(COMPOSE);
    const line = (needle: string, n = 0) => positionOf(COMPOSE, needle, 0, n).line;
    const definition = async (needle: string, offset: number, n = 0) => ((await editor.request<Location | null>('textDocument/definition', at(uri, COMPOSE, needle, offset, n)))?.range.start.line ?? null);
    assert.equal(await definition('- db', 3), line('  db:'));
    assert.equal(await definition('      web:', 7), line('  web:'));
    assert.equal(await definition('[front, back]', 8), line('  back:'));
    assert.equal(await definition('- data:', 4), line('  data: {}'));
    assert.equal(await definition('source: db_password', 10), line('  db_password:'));
    assert.equal(await definition('image: postgres', 10), null);
  });

  it('outlines the sections with their services, networks, volumes and secrets', async () => {
    const uri = await open(COMPOSE);
    const symbols = await editor.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => [s.name, (s.children ?? []).map((c) => (c.detail ? `${c.name} (${c.detail})` : c.name))]),
      [
        ['x-defaults', []],
        ['services', ['web (registry.example.com/web:${TAG:-1.0.0})', 'db (postgres:16.4)']],
        ['volumes', ['data']],
        ['networks', ['front', 'back']],
        ['secrets', ['db_password']],
      ],
    );
    const services = symbols[1];
    assert.deepEqual([services.range.start.line, services.range.end.line], [3, 30]);
  });

  it('links build contexts, Dockerfiles, env files and secret files that exist', async () => {
    const uri = await open(COMPOSE);
    const links = await editor.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(
      links.map((l) => [COMPOSE.split('\n')[l.range.start.line].trim(), l.target!.slice(files.uri('').length)]),
      [
        ['build: ./web', '/web/Dockerfile'],
        ['env_file: .env', '/.env'],
        ['context: ./db', '/db/db.Dockerfile'],
        ['dockerfile: db.Dockerfile', '/db/db.Dockerfile'],
        ['file: ./db_password.txt', '/db_password.txt'],
      ],
    );
  });
});

describe('compose-schema beside another Docker extension', () => {
  it('is off while the compose features are off, unless shipshape.rules sets its level; on again when they are switched on', async () => {
    const { editor } = await startEditor({ initializationOptions: { languageFeatures: { dockerfile: false, compose: false } } });
    const files = workspace({});
    const volumez = '"volumez" is not a Compose key in services.web';
    try {
      const uri = files.uri('compose.yaml');
      await editor.open(uri, 'services:\n  web:\n    image: nginx:1.27\n    volumez: []\n', 'dockercompose');
      await editor.diagnostics(uri, 1);
      assert.deepEqual(schemaFindings(editor, uri), []);
      assert.ok(latestDiagnostics(editor, uri).some((d) => d.code === 'compose-read-only'), 'the other findings stay');
      /** Waits for the schema findings a change leads to (the server re-lints after settings and switches). */
      const expectProblems = (expected: unknown[]) =>
        eventually(() => isDeepStrictEqual(schemaFindings(editor, uri).map((d) => [d.range.start.line, d.message, d.severity]), expected), `schema findings ${JSON.stringify(expected)}`);
      await configure(editor, { rules: { 'compose-schema': 'warning' } })();
      await expectProblems([[3, volumez, 2]]);
      // Named with the level it has anyway, it is still the user's choice.
      await configure(editor, { rules: { 'compose-schema': 'error' } })();
      await expectProblems([[3, volumez, 1]]);
      await configure(editor, {})();
      await expectProblems([]);
      // The other extension is gone: Shipshape's compose features and its schema check are back.
      await editor.connection.sendNotification('shipshape/languageFeatures', { dockerfile: true, compose: true });
      await expectProblems([[3, volumez, 1]]);
      await editor.connection.sendNotification('shipshape/languageFeatures', { dockerfile: true, compose: false });
      await expectProblems([]);
    } finally {
      await editor.close();
      rmSync(files.folder, { recursive: true, force: true });
    }
  });
});

/** The diagnostics last published for a document. */
function latestDiagnostics(editor: TestEditor, uri: string): Diagnostic[] {
  const published = editor.published.filter((p) => p.uri === uri);
  return published[published.length - 1]?.diagnostics ?? [];
}

function schemaFindings(editor: TestEditor, uri: string): Diagnostic[] {
  return latestDiagnostics(editor, uri).filter((d) => d.code === 'compose-schema');
}

/** Runs `change` and waits until the server has published the document's diagnostics again. */
async function relinted(editor: TestEditor, uri: string, change: () => Promise<void>): Promise<void> {
  const published = () => editor.published.filter((p) => p.uri === uri).length;
  const before = published();
  await change();
  await eventually(() => published() > before, 'the re-lint');
}

/** A change of the editor's settings (the server pulls them when told). */
function configure(editor: TestEditor, configuration: unknown): () => Promise<void> {
  return async () => {
    editor.configuration = configuration;
    await editor.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  };
}
