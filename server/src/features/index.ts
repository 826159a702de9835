/**
 * Language features beside the linting: for Dockerfiles (dockerfile-language-service and what
 * it lacks) and compose files (the Compose schema, references, links, outline), plus the rule's page in
 * the hover of a finding.
 *
 * The basic features are registered per file kind and can be switched off at run time (the
 * client does so when Docker's or Microsoft's container extension already gives them), so nothing
 * shows twice. The hover of findings stays: it is hardening, not a duplicate. Nothing here runs
 * while typing unless the editor asks for it, and linting never waits for it.
 */
import {
  BulkRegistration,
  CompletionRequest,
  DefinitionRequest,
  DocumentFormattingRequest,
  DocumentHighlightRequest,
  DocumentLinkRequest,
  DocumentOnTypeFormattingRequest,
  DocumentRangeFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  LSPErrorCodes,
  MarkupKind,
  RenameRequest,
  ResponseError,
  SemanticTokensRegistrationType,
  SignatureHelpRequest,
  type BulkUnregistration,
  type CancellationToken,
  type Connection,
  type DocumentSelector,
  type Hover,
  type InitializeParams,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { configuredLevel } from '../engine/lint';
import type { Settings } from '../engine/settings';
import type { FileKind, Finding } from '../engine/types';
import { composeSchema } from '../rules/compose/compose-schema';
import type { ComposeFeatures } from './compose-features';
import type { DockerfileFeatures } from './dockerfile-features';
import { findingHover, type RuleDocLinks } from './finding-hover';
import { DOCKERFILE_TOKEN_LEGEND } from './semantic-token-legend';

export type FeatureGroup = 'dockerfile' | 'compose';

/** Which basic features are on; sent by the client at start and with `shipshape/languageFeatures`. */
export interface LanguageFeatureSwitches {
  dockerfile?: boolean;
  compose?: boolean;
}

export const LANGUAGE_FEATURES_NOTIFICATION = 'shipshape/languageFeatures';

const SELECTORS: Record<FeatureGroup, DocumentSelector> = {
  dockerfile: [{ language: 'dockerfile' }, { pattern: '**/{Dockerfile,Containerfile,*.Dockerfile,*.dockerfile,*.Containerfile,Dockerfile.*,Containerfile.*}' }],
  compose: [{ language: 'dockercompose' }, { pattern: '**/*compose*.{yml,yaml}' }],
};

const DOCKERFILE_COMPLETION = { triggerCharacters: ['=', ' ', '$', '-'], resolveProvider: true };
const DOCKERFILE_SIGNATURES = { triggerCharacters: ['-', '[', ',', ' ', '='] };
const DOCKERFILE_ON_TYPE = { firstTriggerCharacter: '\\', moreTriggerCharacter: ['`'] };
const COMPOSE_COMPLETION = { triggerCharacters: [':', '-'], resolveProvider: false };

export interface LanguageFeatureHost {
  kindOf(document: TextDocument): FileKind | null;
  /** The findings of the newest lint of a document. */
  findingsOf(uri: string): readonly Finding[];
  /** A group's features were switched on or off: its documents' findings may change (see `lintSettings`). */
  switched(group: FeatureGroup): void;
}

export interface LanguageFeatures {
  /** Capabilities to merge into the initialize result. */
  capabilities(params: InitializeParams): ServerCapabilities;
  /** Call once the client is initialized: registers the features that are on. */
  initialized(): void;
  /**
   * The settings to lint with: while the compose features are off (another Docker extension gives
   * them, with its own schema check), compose-schema is off too, unless the settings name it.
   */
  lintSettings(settings: Settings): Settings;
}

export function registerLanguageFeatures(connection: Connection, documents: TextDocuments<TextDocument>, host: LanguageFeatureHost): LanguageFeatures {
  // Loaded on first use: the language service and the Compose schema are most of an idle server's memory.
  let dockerfileFeatures: DockerfileFeatures | undefined;
  let composeFeatures: ComposeFeatures | undefined;
  const dockerfile = (): DockerfileFeatures =>
    (dockerfileFeatures ??= new (require('./dockerfile-features') as typeof import('./dockerfile-features')).DockerfileFeatures());
  const compose = (): ComposeFeatures => (composeFeatures ??= new (require('./compose-features') as typeof import('./compose-features')).ComposeFeatures());
  const switches: Record<FeatureGroup, boolean> = { dockerfile: true, compose: true };
  const registered: Partial<Record<FeatureGroup, Promise<BulkUnregistration>>> = {};
  let dynamic = false;
  let initialized = false;
  let links: RuleDocLinks = {};

  /** The document and its kind, when the group's features are on for it. */
  const target = (uri: string, group: FeatureGroup): TextDocument | undefined => {
    const document = documents.get(uri);
    if (!document || !switches[group] || host.kindOf(document) !== group) return undefined;
    return document;
  };

  const registrationsOf = (group: FeatureGroup): BulkRegistration => {
    const bulk = BulkRegistration.create();
    const documentSelector = SELECTORS[group];
    if (group === 'dockerfile') {
      bulk.add(CompletionRequest.type, { documentSelector, ...DOCKERFILE_COMPLETION });
      bulk.add(SignatureHelpRequest.type, { documentSelector, ...DOCKERFILE_SIGNATURES });
      bulk.add(DocumentFormattingRequest.type, { documentSelector });
      bulk.add(DocumentRangeFormattingRequest.type, { documentSelector });
      bulk.add(DocumentOnTypeFormattingRequest.type, { documentSelector, ...DOCKERFILE_ON_TYPE });
      bulk.add(FoldingRangeRequest.type, { documentSelector });
      bulk.add(DocumentSymbolRequest.type, { documentSelector });
      bulk.add(DefinitionRequest.type, { documentSelector });
      bulk.add(RenameRequest.type, { documentSelector, prepareProvider: true });
      bulk.add(DocumentHighlightRequest.type, { documentSelector });
      bulk.add(DocumentLinkRequest.type, { documentSelector, resolveProvider: false });
      bulk.add(SemanticTokensRegistrationType.type, { documentSelector, legend: DOCKERFILE_TOKEN_LEGEND, full: true, range: false });
    } else {
      bulk.add(CompletionRequest.type, { documentSelector, ...COMPOSE_COMPLETION });
      bulk.add(DocumentSymbolRequest.type, { documentSelector });
      bulk.add(DefinitionRequest.type, { documentSelector });
      bulk.add(DocumentLinkRequest.type, { documentSelector, resolveProvider: false });
    }
    return bulk;
  };

  const sync = (group: FeatureGroup): void => {
    if (!dynamic || !initialized) return;
    const current = registered[group];
    if (switches[group] && !current) {
      registered[group] = connection.client.register(registrationsOf(group));
      registered[group]!.catch((error) => connection.console.warn(`could not register ${group} language features: ${String(error)}`));
    } else if (!switches[group] && current) {
      delete registered[group];
      void current.then((registration) => registration.dispose(), () => undefined);
    }
  };

  const applySwitches = (value: unknown): void => {
    const given = (value ?? {}) as LanguageFeatureSwitches;
    for (const group of ['dockerfile', 'compose'] as const) {
      const changed = typeof given[group] === 'boolean' && switches[group] !== given[group];
      if (changed) switches[group] = given[group]!;
      sync(group);
      if (changed) host.switched(group);
    }
  };

  connection.onNotification(LANGUAGE_FEATURES_NOTIFICATION, applySwitches);

  /**
   * Every feature waits for the lints already scheduled (an edit's diagnostics come first). What
   * the editor asks again after each change anyway (tokens, outline, folding, highlights, links) is
   * computed for the newest text only: an outdated request is answered "cancelled", so the editor
   * keeps what it shows and asks again.
   */
  const afterPendingLints = () => new Promise<void>((resolve) => setImmediate(resolve));
  const newestOnly =
    <P extends { textDocument: { uri: string } }, R>(handler: (params: P) => R) =>
    async (params: P, token: CancellationToken): Promise<R> => {
      const version = documents.get(params.textDocument.uri)?.version;
      await afterPendingLints();
      if (token.isCancellationRequested || documents.get(params.textDocument.uri)?.version !== version) {
        throw new ResponseError(LSPErrorCodes.RequestCancelled, 'the document changed');
      }
      return handler(params);
    };

  connection.onCompletion(async (params) => {
    await afterPendingLints();
    const uri = params.textDocument.uri;
    const asDockerfile = target(uri, 'dockerfile');
    if (asDockerfile) return dockerfile().completion(asDockerfile, params.position);
    const asCompose = target(uri, 'compose');
    if (asCompose) return compose().completion(asCompose, params.position);
    return null;
  });
  connection.onCompletionResolve((item) => dockerfile().resolveCompletion(item));

  connection.onHover(async (params): Promise<Hover | null> => {
    await afterPendingLints();
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const kind = host.kindOf(document);
    const ofFinding = findingHover(host.findingsOf(document.uri), params.position, links);
    let basic: Hover | null = null;
    if (kind === 'dockerfile' && switches.dockerfile) basic = dockerfile().hover(document, params.position);
    else if (kind === 'compose' && switches.compose) basic = compose().hover(document, params.position);
    if (!basic) return ofFinding;
    if (!ofFinding) return basic;
    return { contents: { kind: MarkupKind.Markdown, value: `${markdownOf(ofFinding)}\n\n---\n\n${markdownOf(basic)}` } };
  });

  connection.onSignatureHelp(async (params) => {
    await afterPendingLints();
    const document = target(params.textDocument.uri, 'dockerfile');
    return document ? dockerfile().signatureHelp(document, params.position) : null;
  });
  connection.onDocumentFormatting((params) => {
    const document = target(params.textDocument.uri, 'dockerfile');
    return document ? dockerfile().format(document, params.options) : null;
  });
  connection.onDocumentRangeFormatting((params) => {
    const document = target(params.textDocument.uri, 'dockerfile');
    return document ? dockerfile().formatRange(document, params.range, params.options) : null;
  });
  connection.onDocumentOnTypeFormatting((params) => {
    const document = target(params.textDocument.uri, 'dockerfile');
    return document ? dockerfile().formatOnType(document, params.position, params.ch, params.options) : null;
  });
  connection.onFoldingRanges(
    newestOnly((params) => {
      const document = target(params.textDocument.uri, 'dockerfile');
      return document ? dockerfile().folding(document) : null;
    }),
  );
  connection.onDocumentSymbol(
    newestOnly((params) => {
      const asDockerfile = target(params.textDocument.uri, 'dockerfile');
      if (asDockerfile) return dockerfile().symbols(asDockerfile);
      const asCompose = target(params.textDocument.uri, 'compose');
      return asCompose ? compose().symbols(asCompose) : null;
    }),
  );
  connection.onDefinition((params) => {
    const asDockerfile = target(params.textDocument.uri, 'dockerfile');
    if (asDockerfile) return dockerfile().definition(asDockerfile, params.position);
    const asCompose = target(params.textDocument.uri, 'compose');
    return asCompose ? compose().definition(asCompose, params.position) : null;
  });
  connection.onPrepareRename((params) => {
    const document = target(params.textDocument.uri, 'dockerfile');
    return document ? dockerfile().prepareRename(document, params.position) : null;
  });
  connection.onRenameRequest((params) => {
    const document = target(params.textDocument.uri, 'dockerfile');
    return document ? dockerfile().rename(document, params.position, params.newName) : null;
  });
  connection.onDocumentHighlight(
    newestOnly((params) => {
      const document = target(params.textDocument.uri, 'dockerfile');
      return document ? dockerfile().highlights(document, params.position) : null;
    }),
  );
  connection.onDocumentLinks(
    newestOnly((params) => {
      const asDockerfile = target(params.textDocument.uri, 'dockerfile');
      if (asDockerfile) return dockerfile().links(asDockerfile);
      const asCompose = target(params.textDocument.uri, 'compose');
      return asCompose ? compose().links(asCompose) : null;
    }),
  );
  connection.languages.semanticTokens.on(
    newestOnly((params) => {
      const document = target(params.textDocument.uri, 'dockerfile');
      return document ? dockerfile().semanticTokens(document) : { data: [] };
    }),
  );
  documents.onDidClose((event) => composeFeatures?.forget(event.document.uri));

  return {
    capabilities(params: InitializeParams): ServerCapabilities {
      const options = (params.initializationOptions ?? {}) as { languageFeatures?: LanguageFeatureSwitches; ruleDocCommand?: string };
      links = typeof options.ruleDocCommand === 'string' ? { command: options.ruleDocCommand } : {};
      applySwitches(options.languageFeatures);
      const text = params.capabilities.textDocument;
      dynamic =
        text?.completion?.dynamicRegistration === true &&
        text?.formatting?.dynamicRegistration === true &&
        text?.semanticTokens?.dynamicRegistration === true &&
        text?.definition?.dynamicRegistration === true;
      const always: ServerCapabilities = { hoverProvider: true };
      if (dynamic) return always;
      // Without dynamic registration the features are declared once and answer only when on.
      const triggers = [...new Set([...DOCKERFILE_COMPLETION.triggerCharacters, ...COMPOSE_COMPLETION.triggerCharacters])];
      return {
        ...always,
        completionProvider: { triggerCharacters: triggers, resolveProvider: true },
        signatureHelpProvider: DOCKERFILE_SIGNATURES,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        documentOnTypeFormattingProvider: DOCKERFILE_ON_TYPE,
        foldingRangeProvider: true,
        documentSymbolProvider: true,
        definitionProvider: true,
        renameProvider: { prepareProvider: true },
        documentHighlightProvider: true,
        documentLinkProvider: { resolveProvider: false },
        semanticTokensProvider: { legend: DOCKERFILE_TOKEN_LEGEND, full: true, range: false },
      };
    },
    initialized(): void {
      initialized = true;
      sync('dockerfile');
      sync('compose');
    },
    lintSettings(settings: Settings): Settings {
      if (switches.compose || configuredLevel(composeSchema, settings) !== undefined) return settings;
      return { ...settings, rules: { ...settings.rules, [composeSchema.id]: 'off' } };
    },
  };
}

function markdownOf(hover: Hover): string {
  const contents = hover.contents;
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((part) => (typeof part === 'string' ? part : `\`\`\`${part.language}\n${part.value}\n\`\`\``)).join('\n\n');
  if ('kind' in contents) return contents.value;
  return `\`\`\`${contents.language}\n${contents.value}\n\`\`\``;
}
