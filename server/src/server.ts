/**
 * The language server: wires open documents to the engine. Lints on every change (newest version
 * only), publishes versioned diagnostics, and answers code actions with the engine's fixes.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type Diagnostic,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isHadolintConfigPath, WorkspaceConfig } from './config/workspace-config';
import type { DockerfileModel } from './dockerfile/model';
import { readSettings, type Settings } from './engine/settings';
import type { Finding } from './engine/types';
import { registerLanguageFeatures } from './features';
import { DocumentLinter, isLintable } from './linter';
import { cancelledError, codeActions, FIX_ALL_KIND } from './lsp/code-actions';
import { toDiagnostic } from './lsp/convert';
import { dockerfileDependsOn, documentKind, documentPath, neighbourFiles } from './lsp/documents';
import { readShellCheckPreference, ShellCheckSetting } from './lsp/shellcheck-setting';
import { allRules } from './rules';
import { isShellCheckRule, shellcheckDocUrl } from './shellcheck/checker';

interface DocumentState {
  linter: DocumentLinter;
  findings: Finding[];
  version: number;
}

/** A finding as a diagnostic; ShellCheck's codes link to ShellCheck's wiki. */
function diagnosticOf(finding: Finding): Diagnostic {
  const diagnostic = toDiagnostic(finding);
  return isShellCheckRule(finding.rule) ? { ...diagnostic, codeDescription: { href: shellcheckDocUrl(finding.rule) } } : diagnostic;
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule);
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const states = new Map<string, DocumentState>();
  const pending = new Set<string>();
  let flushScheduled = false;
  let settings: Settings = {};
  let enabled = true;
  let canPullConfiguration = false;
  const reportedFailures = new Set<string>();
  const workspaceConfig = new WorkspaceConfig(allRules);
  /** ShellCheck on RUN scripts: on unless `shipshape.shellcheck.enable` is false, when the program is found. */
  const shellcheck = new ShellCheckSetting(connection.console);
  let shellcheckPreference = readShellCheckPreference(undefined);

  /** Says once what is wrong with a `.hadolint.yaml`: a log line and warnings on the file itself. */
  const reportConfigProblems = (path: string | undefined): void => {
    const project = workspaceConfig.projectFor(path);
    const problems = workspaceConfig.newProblems(project);
    if (!problems || !project?.path) return;
    const uri = pathToFileURL(project.path).href;
    if (problems.length > 0) connection.console.warn(`${project.path}: ${problems.length} problem(s), using defaults for them: ${problems.map((p) => `line ${p.range.start.line + 1}: ${p.message}`).join('; ')}`);
    void connection.sendDiagnostics({
      uri,
      diagnostics: problems.map((p) => ({ range: p.range, severity: 2, source: 'shipshape', code: 'hadolint-config', message: p.message })),
    });
  };

  const kindOf = documentKind;

  const languageFeatures = registerLanguageFeatures(connection, documents, {
    kindOf,
    findingsOf: (uri) => states.get(uri)?.findings ?? [],
    switched: (group) => {
      for (const document of documents.all()) if (kindOf(document) === group) schedule(document.uri);
    },
  });

  const lintOptionsFor = (uri: string) => {
    const path = documentPath(uri);
    return { settings: languageFeatures.lintSettings(workspaceConfig.settingsFor(path, settings)), path, files: neighbourFiles(documents, uri) };
  };

  const lintNow = (uri: string): void => {
    const document = documents.get(uri);
    if (!document) return;
    const kind = kindOf(document);
    if (!enabled || !isLintable(kind)) {
      states.delete(uri);
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
      return;
    }
    let state = states.get(uri);
    if (!state || state.linter.kind !== kind) {
      state = { linter: new DocumentLinter(kind), findings: [], version: -1 };
      states.set(uri, state);
    }
    try {
      const options = lintOptionsFor(uri);
      const effective = options.settings;
      reportConfigProblems(options.path);
      const result = state.linter.lint(document.getText(), options);
      for (const failure of result.failures) {
        if (reportedFailures.has(failure.rule)) continue;
        reportedFailures.add(failure.rule);
        connection.console.error(`rule ${failure.rule} failed on ${uri}: ${failure.error}`);
      }
      state.findings = result.findings;
      state.version = document.version;
      const background = shellcheck.background;
      if (kind === 'dockerfile' && background) {
        // ShellCheck's results for unchanged scripts come from its cache; changed ones follow when typing pauses.
        const fast = result.findings;
        const model = result.model as DockerfileModel;
        const known = background.checker.cached(model, effective);
        state.findings = [...fast, ...known.findings].sort(byPosition);
        if (!known.complete) {
          const version = document.version;
          const current = state;
          const shown = state.findings;
          background.schedule(uri, {
            model,
            settings: effective,
            // Not when the document changed or was linted again since (new settings, a new config).
            isCurrent: () => states.get(uri) === current && current.findings === shown && documents.get(uri)?.version === version,
            deliver: (checked) => {
              for (const failure of checked.failures) {
                const message = failure.replace(/^line \d+: /, '');
                if (reportedFailures.has(`shellcheck:${message}`)) continue;
                reportedFailures.add(`shellcheck:${message}`);
                connection.console.warn(`ShellCheck failed on ${uri} ${failure}`);
              }
              current.findings = [...fast, ...checked.findings].sort(byPosition);
              void connection.sendDiagnostics({ uri, version, diagnostics: current.findings.map(diagnosticOf) });
            },
          });
        }
      }
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics: state.findings.map(diagnosticOf) });
    } catch (error) {
      connection.console.error(`could not lint ${uri}: ${error instanceof Error ? error.stack : String(error)}`);
      state.findings = [];
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
    }
  };

  /** Coalesces changes: only the newest text of each document is linted, after pending messages. */
  const schedule = (uri: string): void => {
    pending.add(uri);
    if (flushScheduled) return;
    flushScheduled = true;
    setImmediate(() => {
      flushScheduled = false;
      const uris = [...pending];
      pending.clear();
      for (const next of uris) lintNow(next);
    });
  };

  const applySettings = (raw: unknown): void => {
    const section = (raw ?? {}) as { enable?: unknown; rules?: unknown; shellcheck?: { enable?: unknown; path?: unknown } };
    enabled = section.enable !== false;
    shellcheckPreference = readShellCheckPreference(section.shellcheck);
    shellcheck.apply(shellcheckPreference);
    const { settings: read, problems } = readSettings({ rules: section.rules });
    settings = read;
    for (const problem of problems) connection.console.warn(`shipshape settings: ${problem.message}`);
    for (const document of documents.all()) schedule(document.uri);
  };

  connection.onInitialize((params) => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    const roots = (params.workspaceFolders ?? []).map((folder) => folder.uri);
    if (roots.length === 0 && params.rootUri) roots.push(params.rootUri);
    workspaceConfig.setRoots(roots.filter((root) => root.startsWith('file:')).map((root) => fileURLToPath(root)));
    shellcheck.apply(shellcheckPreference);
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings) applySettings(init.settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        ...languageFeatures.capabilities(params),
      },
      serverInfo: { name: 'shipshape', version: '0.1.0' },
    };
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (canPullConfiguration) {
      try {
        applySettings(await connection.workspace.getConfiguration('shipshape'));
        return;
      } catch (error) {
        connection.console.warn(`could not read settings: ${String(error)}`);
      }
    }
    applySettings((change.settings as { shipshape?: unknown } | undefined)?.shipshape);
  });

  connection.onInitialized(() => {
    languageFeatures.initialized();
    if (canPullConfiguration) {
      connection.workspace.getConfiguration('shipshape').then(applySettings, () => undefined);
    }
  });

  /** A .dockerignore or compose file decides what the Dockerfiles in and below its folder can copy: re-lint the open ones when it changes. */
  const relintDependentDockerfiles = (uri: string): void => {
    for (const other of documents.all()) if (kindOf(other) === 'dockerfile' && dockerfileDependsOn(other.uri, uri)) schedule(other.uri);
  };

  /** Compose files read the Dockerfiles their services build: re-lint the open ones when an open Dockerfile changes. */
  const relintComposeFiles = (document: TextDocument): void => {
    if (kindOf(document) !== 'dockerfile') return;
    for (const other of documents.all()) if (kindOf(other) === 'compose') schedule(other.uri);
  };

  documents.onDidOpen((event) => schedule(event.document.uri));
  documents.onDidChangeContent((event) => {
    schedule(event.document.uri);
    relintDependentDockerfiles(event.document.uri);
    relintComposeFiles(event.document);
  });
  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) relintDependentDockerfiles(change.uri);
    // A .hadolint.yaml changed: read the configs again and re-lint every open file.
    if (params.changes.some((change) => isHadolintConfigPath(change.uri))) {
      workspaceConfig.changed();
      for (const document of documents.all()) schedule(document.uri);
    }
  });
  documents.onDidClose((event) => {
    shellcheck.background?.cancel(event.document.uri);
    relintDependentDockerfiles(event.document.uri);
    states.delete(event.document.uri);
    pending.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params, token) => {
    // A request cancelled while it waited (behind a long lint) gets the cancelled answer, not work.
    if (token.isCancellationRequested) throw cancelledError();
    const document = documents.get(params.textDocument.uri);
    if (!document || !states.has(document.uri)) return [];
    // Answer for the text the findings were computed on; a newer text is linted first.
    if (states.get(document.uri)!.version !== document.version) lintNow(document.uri);
    const state = states.get(document.uri);
    if (!state) return [];
    return codeActions(params, {
      document,
      linter: state.linter,
      findings: state.findings,
      lintOptions: () => lintOptionsFor(document.uri),
      diagnosticOf,
      isCancelled: () => token.isCancellationRequested,
    });
  });

  documents.listen(connection);
  connection.listen();
}

if (require.main === module) {
  startServer(createConnection(ProposedFeatures.all));
}
