/**
 * Compose file language features: completion and hover of keys and values from the schema (with
 * notes on values that matter for safety), go to definition of the services, networks, volumes,
 * secrets, configs and models a service names, and links to build contexts, Dockerfiles and env
 * files. Schema problems are findings of the compose-schema rule, reported with the others.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type DocumentSymbol,
  type DocumentLink,
  type Hover,
  type Location,
  type Position,
  type Range,
} from 'vscode-languageserver/node';
import { describe, enumAt, ITEM, keysAt, schemasAt, typesOf, type PathSegment } from '../compose-schema';
import { hasInterpolation } from '../compose/interpolation';
import { valueNote } from './compose-value-notes';
import { cursorContext, readLine, type CursorContext } from './yaml-paths';

/** Top-level sections whose entries services refer to by name. */
type Section = 'services' | 'networks' | 'volumes' | 'secrets' | 'configs' | 'models';

const KNOWN_VALUES: Record<string, string[]> = {
  restart: ['no', 'always', 'on-failure', 'unless-stopped'],
  pull_policy: ['always', 'never', 'missing', 'build', 'daily', 'weekly'],
  network_mode: ['bridge', 'host', 'none', 'service:', 'container:'],
  ipc: ['private', 'shareable', 'host', 'service:'],
  pid: ['host', 'service:'],
  cap_drop: ['ALL'],
  cap_add: ['CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'KILL', 'NET_BIND_SERVICE', 'NET_RAW', 'SETGID', 'SETUID', 'SYS_PTRACE'],
  security_opt: ['no-new-privileges:true', 'seccomp=unconfined', 'apparmor=unconfined'],
  mode: ['replicated', 'global'],
  driver: ['bridge', 'overlay', 'local', 'json-file', 'journald', 'syslog', 'none'],
};

const BOOLEAN_VALUES = ['true', 'false'];

function segmentName(segment: PathSegment): string {
  return segment === ITEM ? '[item]' : String(segment);
}

/** The section a name at `path` refers to, and the name when the cursor's word is one. */
function referenceAt(path: PathSegment[], word: string, onKey: boolean): { section: Section; name: string } | null {
  if (path[0] !== 'services' || path.length < 3) return null;
  const rest = path.slice(2);
  const key = rest[0];
  const clean = word.replace(/^["']|["']$/g, '');
  const inItem = rest.length === 2 && rest[1] === ITEM;
  const mapKey = rest.length === 2 && typeof rest[1] === 'string';
  switch (key) {
    case 'depends_on':
      if ((inItem && !onKey) || (mapKey && onKey)) return { section: 'services', name: clean };
      return null;
    case 'links':
    case 'volumes_from':
      if (inItem && !onKey && !clean.startsWith('container:')) return { section: 'services', name: clean.split(':')[0] };
      return null;
    case 'extends':
      if ((rest.length === 1 && !onKey) || (rest.length === 2 && rest[1] === 'service' && !onKey)) return { section: 'services', name: clean };
      return null;
    case 'network_mode':
    case 'pid':
    case 'ipc':
      if (rest.length === 1 && clean.startsWith('service:')) return { section: 'services', name: clean.slice('service:'.length) };
      return null;
    case 'networks':
    case 'models':
      if ((inItem && !onKey) || (mapKey && onKey)) return { section: key, name: clean };
      return null;
    case 'secrets':
    case 'configs':
      if ((inItem && !onKey) || (rest.length === 3 && rest[1] === ITEM && rest[2] === 'source' && !onKey)) return { section: key, name: clean };
      return null;
    case 'volumes':
      if (inItem && !onKey) {
        const source = clean.split(':')[0];
        if (source && !/^[./~$]/.test(source) && clean.includes(':')) return { section: 'volumes', name: source };
        return null;
      }
      if (rest.length === 3 && rest[1] === ITEM && rest[2] === 'source' && !onKey) return { section: 'volumes', name: clean };
      return null;
    case 'build':
      if (rest.length === 3 && rest[1] === 'secrets' && rest[2] === ITEM && !onKey) return { section: 'secrets', name: clean };
      return null;
    default:
      return null;
  }
}

/** The path of the value under the cursor, and whether the cursor is on a key; `[a, b]` flow lists count as items. */
function valueTarget(context: CursorContext, character: number): { path: PathSegment[]; onKey: boolean } {
  const { line } = context;
  if (line.key !== null && line.value.startsWith('[') && character > line.valueColumn) return { path: [...context.parent, line.key, ITEM], onKey: false };
  if (line.key !== null && context.onKey) return { path: [...context.parent, line.key], onKey: true };
  return { path: line.key !== null ? [...context.parent, line.key] : context.parent, onKey: false };
}

interface ParsedCompose {
  version: number;
  document: Document;
}

export class ComposeFeatures {
  private cache = new Map<string, ParsedCompose>();

  private parsed(document: TextDocument): Document {
    const known = this.cache.get(document.uri);
    if (known && known.version === document.version) return known.document;
    const parsed = parseDocument(document.getText(), { merge: true, uniqueKeys: false, prettyErrors: false });
    this.cache.set(document.uri, { version: document.version, document: parsed });
    return parsed;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** Names defined under a top-level section, with the ranges of their keys. */
  private definitions(document: TextDocument, section: Section): Map<string, Range> {
    const found = new Map<string, Range>();
    const root = this.parsed(document).contents;
    if (!isMap(root)) return found;
    const pair = root.items.find((p) => isScalar(p.key) && p.key.value === section);
    if (!pair || !isMap(pair.value)) return found;
    for (const entry of pair.value.items) {
      if (isScalar(entry.key) && entry.key.range) {
        found.set(String(entry.key.value), { start: document.positionAt(entry.key.range[0]), end: document.positionAt(entry.key.range[1]) });
      }
    }
    return found;
  }

  completion(document: TextDocument, position: Position): CompletionItem[] {
    const lines = document.getText().split(/\r?\n/);
    const context = cursorContext(lines, position.line, position.character);
    const items: CompletionItem[] = [];
    const replace: Range = { start: { line: position.line, character: context.word.start }, end: { line: position.line, character: context.word.end } };
    const inFlowList = valueTarget(context, position.character).path[context.parent.length + 1] === ITEM;
    if (context.onKey && !inFlowList) {
      const siblings = this.siblingKeys(lines, position.line, position.character);
      for (const proposal of keysAt(context.parent)) {
        if (siblings.has(proposal.key)) continue;
        items.push({
          label: proposal.key,
          kind: CompletionItemKind.Property,
          documentation: proposal.description ? { kind: MarkupKind.Markdown, value: proposal.description } : undefined,
          tags: proposal.deprecated ? [CompletionItemTag.Deprecated] : undefined,
          insertTextFormat: InsertTextFormat.Snippet,
          textEdit: { range: replace, newText: proposal.block ? `${proposal.key}:\n  $0` : `${proposal.key}: $0` },
          sortText: proposal.deprecated ? `~${proposal.key}` : proposal.key,
        });
      }
      // Map-form references: `depends_on:` / `networks:` keys name services and networks.
      const last = context.parent[context.parent.length - 1];
      if (context.parent[0] === 'services' && context.parent.length === 3 && (last === 'depends_on' || last === 'networks' || last === 'models')) {
        const section: Section = last === 'depends_on' ? 'services' : last;
        for (const name of this.definitions(document, section).keys()) {
          items.push({ label: name, kind: CompletionItemKind.Reference, detail: `${section}.${name}`, textEdit: { range: replace, newText: `${name}:\n  $0` }, insertTextFormat: InsertTextFormat.Snippet });
        }
      }
      if (!context.bareItem) return items;
    }
    const valuePath: PathSegment[] = inFlowList ? valueTarget(context, position.character).path : context.line.key !== null ? [...context.parent, context.line.key] : context.parent;
    const seen = new Set(items.map((item) => item.label));
    const add = (label: string, kind: CompletionItemKind, detail?: string) => {
      if (seen.has(label)) return;
      seen.add(label);
      items.push({ label, kind, detail, textEdit: { range: replace, newText: label } });
    };
    for (const value of enumAt(valuePath)) add(String(value), CompletionItemKind.EnumMember);
    if (typesOf(schemasAt(valuePath)).includes('boolean')) for (const value of BOOLEAN_VALUES) add(value, CompletionItemKind.Value);
    const key = [...valuePath].reverse().find((segment): segment is string => typeof segment === 'string');
    if (key && KNOWN_VALUES[key] && valuePath[0] === 'services') for (const value of KNOWN_VALUES[key]) add(value, CompletionItemKind.Value);
    const reference = referenceAt(valuePath, 'x', false);
    if (reference) {
      const service = valuePath[1];
      for (const name of this.definitions(document, reference.section).keys()) {
        if (reference.section === 'services' && name === service) continue;
        add(name, CompletionItemKind.Reference, `${reference.section}.${name}`);
      }
    }
    return items;
  }

  /** Keys already written in the mapping of line `lineNumber` (same indentation, same block). */
  private siblingKeys(lines: readonly string[], lineNumber: number, character: number): Set<string> {
    const keys = new Set<string>();
    const here = readLine(lines[lineNumber] ?? '');
    const column = here.contentColumn >= 0 ? here.contentColumn : character;
    for (const step of [-1, 1]) {
      for (let index = lineNumber + step; index >= 0 && index < lines.length; index += step) {
        const line = readLine(lines[index]);
        if (line.contentColumn < 0) continue;
        const start = line.dashColumn >= 0 ? line.dashColumn : line.contentColumn;
        if (start < column) {
          if (step === -1 && line.dashColumn >= 0 && line.contentColumn === column && line.key) keys.add(line.key);
          break;
        }
        if (line.contentColumn === column && line.dashColumn < 0 && line.key) keys.add(line.key);
      }
    }
    return keys;
  }

  hover(document: TextDocument, position: Position): Hover | null {
    const lines = document.getText().split(/\r?\n/);
    const context = cursorContext(lines, position.line, position.character);
    const key = context.line.key;
    if (context.word.text === '') return null;
    if (key === null || !context.onKey) return this.valueHover(context, position);
    const path = [...context.parent, key];
    const range: Range = {
      start: { line: position.line, character: context.line.contentColumn },
      end: { line: position.line, character: context.line.contentColumn + key.length },
    };
    if (key.startsWith('x-')) {
      return { range, contents: { kind: MarkupKind.Markdown, value: `**${key}**: an extension field. Compose ignores it; use it for YAML anchors and tool settings.` } };
    }
    const info = describe(path);
    if (!info?.description) return null;
    const where = path.map(segmentName).join(' › ');
    const types = info.types.length > 0 ? `\n\nType: ${info.types.map((t) => `\`${t}\``).join(' | ')}` : '';
    const deprecated = info.deprecated ? '\n\n*Deprecated.*' : '';
    return { range, contents: { kind: MarkupKind.Markdown, value: `**${key}** (${where})\n\n${info.description}${types}${deprecated}` } };
  }

  /** An enum value with its key's schema description, and a note on values that matter for safety. */
  private valueHover(context: CursorContext, position: Position): Hover | null {
    const { path } = valueTarget(context, position.character);
    const value = context.word.text;
    const note = valueNote(path, value);
    const values = enumAt(path).map(String);
    const listed = values.includes(value);
    if (!note && !listed) return null;
    const where = path.filter((segment) => segment !== ITEM).map(segmentName).join(' › ');
    const parts = [`**${value}** (${where})`];
    if (note) parts.push(note);
    if (listed) {
      const description = describe(path)?.description;
      if (description) parts.push(description);
      parts.push(`Values: ${values.map((v) => `\`${v}\``).join(', ')}`);
    }
    const range: Range = { start: { line: position.line, character: context.word.start }, end: { line: position.line, character: context.word.end } };
    return { range, contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') } };
  }

  definition(document: TextDocument, position: Position): Location | null {
    const lines = document.getText().split(/\r?\n/);
    const context = cursorContext(lines, position.line, position.character);
    const { path, onKey } = valueTarget(context, position.character);
    const word = onKey ? context.line.key! : context.word.text.replace(/[,\]]+$/, '');
    const reference = referenceAt(path, word, onKey && !context.bareItem);
    if (!reference || reference.name === '') return null;
    const range = this.definitions(document, reference.section).get(reference.name);
    return range ? { uri: document.uri, range } : null;
  }

  links(document: TextDocument): DocumentLink[] {
    if (!document.uri.startsWith('file:')) return [];
    const folder = dirname(fileURLToPath(document.uri));
    const root = this.parsed(document).contents;
    const links: DocumentLink[] = [];
    const rangeOf = (node: Node): Range | null =>
      node.range ? { start: document.positionAt(node.range[0]), end: document.positionAt(node.range[1]) } : null;
    const link = (node: unknown, base: string, tooltip: string, pathOf: (value: string) => string = (value) => value): void => {
      if (!isScalar(node) || typeof node.value !== 'string') return;
      const value = node.value;
      if (value === '' || hasInterpolation(value) || /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.startsWith('git@')) return;
      const target = resolve(base, pathOf(value));
      const range = rangeOf(node);
      if (!range || !existsSync(target) || statSync(target).isDirectory()) return;
      links.push({ range, target: pathToFileURL(target).href, tooltip });
    };
    const get = (map: unknown, key: string): unknown => (isMap(map) ? map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key)?.value : undefined);
    const each = (node: unknown, visit: (item: unknown) => void): void => {
      if (isSeq(node)) node.items.forEach(visit);
      else if (node !== undefined && node !== null) visit(node);
    };
    if (!isMap(root)) return links;
    const services = get(root, 'services');
    if (isMap(services)) {
      for (const service of services.items) {
        const settings = service.value;
        if (!isMap(settings)) continue;
        const build = get(settings, 'build');
        if (isScalar(build)) {
          link(build, folder, 'Open the Dockerfile of this build context', (value) => `${value}/Dockerfile`);
        } else if (isMap(build)) {
          const context = get(build, 'context');
          const contextPath = isScalar(context) && typeof context.value === 'string' && !hasInterpolation(context.value) ? context.value : '.';
          const dockerfile = get(build, 'dockerfile');
          link(context, folder, 'Open the Dockerfile of this build context', (value) => `${value}/${isScalar(dockerfile) && typeof dockerfile.value === 'string' ? dockerfile.value : 'Dockerfile'}`);
          link(dockerfile, resolve(folder, contextPath), 'Open the Dockerfile');
        }
        each(get(settings, 'env_file'), (item) => link(isMap(item) ? get(item, 'path') : item, folder, 'Open the env file'));
        each(get(settings, 'label_file'), (item) => link(item, folder, 'Open the label file'));
        const extendsValue = get(settings, 'extends');
        if (isMap(extendsValue)) link(get(extendsValue, 'file'), folder, 'Open the file this service extends');
      }
    }
    for (const section of ['secrets', 'configs']) {
      const entries = get(root, section);
      if (isMap(entries)) for (const entry of entries.items) link(get(entry.value, 'file'), folder, `Open the ${section.slice(0, -1)} file`);
    }
    each(get(root, 'include'), (item) => {
      if (isScalar(item)) link(item, folder, 'Open the included Compose file');
      else each(get(item, 'path'), (path) => link(path, folder, 'Open the included Compose file'));
      if (isMap(item)) each(get(item, 'env_file'), (path) => link(path, folder, 'Open the env file'));
    });
    return links;
  }

  /** The outline: top-level sections with their entries (services, networks, volumes…). */
  symbols(document: TextDocument): DocumentSymbol[] {
    const root = this.parsed(document).contents;
    if (!isMap(root)) return [];
    const text = document.getText();
    const rangeOf = (from: Node, to: Node | null | undefined): Range => {
      let end = (to?.range ?? from.range!)[1];
      while (end > from.range![0] && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
      return { start: document.positionAt(from.range![0]), end: document.positionAt(end) };
    };
    const symbols: DocumentSymbol[] = [];
    for (const section of root.items) {
      if (!isScalar(section.key) || !section.key.range) continue;
      const name = String(section.key.value);
      const kind = name === 'services' ? SymbolKind.Class : name.startsWith('x-') ? SymbolKind.Constant : SymbolKind.Module;
      const children: DocumentSymbol[] = [];
      if (isMap(section.value) && !name.startsWith('x-')) {
        for (const entry of section.value.items) {
          if (!isScalar(entry.key) || !entry.key.range) continue;
          const image = isMap(entry.value) ? entry.value.get('image') : undefined;
          children.push({
            name: String(entry.key.value),
            detail: typeof image === 'string' ? image : undefined,
            kind: name === 'services' ? SymbolKind.Object : SymbolKind.Field,
            range: rangeOf(entry.key, entry.value as Node | null),
            selectionRange: rangeOf(entry.key, entry.key),
          });
        }
      }
      symbols.push({ name, kind, range: rangeOf(section.key, section.value as Node | null), selectionRange: rangeOf(section.key, section.key), children });
    }
    return symbols;
  }
}
