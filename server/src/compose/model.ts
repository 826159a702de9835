/**
 * The compose file as the rules see it: the YAML document (from the `yaml` package's document API,
 * so every key and value keeps its source offsets), resolved into plain maps, sequences and scalars
 * with anchors, aliases and `<<:` merge keys expanded. A value that arrives through an alias or a
 * merge carries its `origin` (the anchor, where it is defined, where it is used), so a finding can
 * be reported at the service that uses it and name where it came from. Alias expansion is budgeted:
 * a small file that would expand to millions of nodes stops at `MAX_RESOLVED_NODES` with an error.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node, type Pair } from 'yaml';
import type { CommentLine } from '../engine/suppression';
import { LineIndex, type Range } from '../engine/text';
import { withDefaults } from './interpolation';
import { lastLineOf, spanRange, type Span } from './yaml-ranges';

/**
 * How many nodes alias expansion may create (copies made for `*alias` and `<<:` uses) before it
 * stops: the "alias bomb" guard. The largest real compose files resolve to a few thousand nodes.
 */
export const MAX_RESOLVED_NODES = 50_000;

export interface ValueOrigin {
  /** The anchor's name (without `&`). */
  anchor: string;
  /** Where the anchored value is written. */
  definedAt: Range;
  /** Where the alias (`*name`) or merge (`<<: *name`) uses it. */
  usedAt: Range;
}

interface ValueBase {
  /** The YAML node the value was read from (for an alias: the anchored node). */
  node: Node;
  span: Span;
  range: Range;
  /** Set when the value came through an alias or merge key; null when written here. */
  origin: ValueOrigin | null;
}

export interface YamlScalar extends ValueBase {
  type: 'scalar';
  /** The parsed value (string, number, boolean or null). */
  value: unknown;
  /** The value as text: strings as they are, other scalars as written in the source, null as ''. */
  text: string;
  /** `PLAIN`, `QUOTE_DOUBLE`, `QUOTE_SINGLE`, `BLOCK_LITERAL`, `BLOCK_FOLDED`. */
  style: string;
}

export interface YamlMapping extends ValueBase {
  type: 'map';
  flow: boolean;
  /** Own entries first, then merged ones that no own entry overrides. */
  entries: YamlEntry[];
  get(key: string): YamlEntry | undefined;
}

export interface YamlSequence extends ValueBase {
  type: 'seq';
  flow: boolean;
  items: YamlValue[];
}

export type YamlValue = YamlScalar | YamlMapping | YamlSequence;

export interface YamlEntry {
  key: string;
  keySpan: Span;
  keyRange: Range;
  /** Null only for an explicit key without a value. */
  value: YamlValue | null;
  /** From the key to the end of the value as written in this map (an alias ends at `*name`). */
  span: Span;
  range: Range;
  /** Set when the entry came through an alias or a merge key. */
  origin: ValueOrigin | null;
  pair: Pair;
}

export interface ServiceBuild {
  entry: YamlEntry;
  /** The build context as written; null for a remote (git, URL) or interpolated context. */
  context: string | null;
  /** True for a remote context (git, URL): nothing of this project's folders goes into it. */
  remote: boolean;
  /** The Dockerfile path relative to the compose file's folder; null when it cannot be known. */
  dockerfilePath: string | null;
  /** `dockerfile_inline:` content, when given. */
  inline: string | null;
}

export interface ComposeService {
  name: string;
  entry: YamlEntry;
  /** The service's settings; null when the service is empty or not a mapping. */
  map: YamlMapping | null;
  get(key: string): YamlEntry | undefined;
  build: ServiceBuild | null;
}

export interface ComposeProblem {
  message: string;
  range: Range;
}

export interface ComposeModel {
  kind: 'compose';
  text: string;
  index: LineIndex;
  document: Document;
  root: YamlMapping | null;
  services: ComposeService[];
  /** YAML syntax errors and the alias-expansion stop, in source order. */
  problems: ComposeProblem[];
  comments: CommentLine[];
  /** Every key/value entry and sequence item as written: its first and last line. */
  statements: { fromLine: number; toLine: number }[];
  /** How many nodes the resolved file has (aliases and merges expanded). */
  resolvedNodes: number;
  top(key: string): YamlEntry | undefined;
}

interface Anchor {
  name: string;
  node: Node;
  start: number;
}

class Resolver {
  count = 0;
  /** Nodes created while expanding an alias or merge (what the budget counts). */
  expanded = 0;
  stoppedAt: Span | null = null;
  private readonly active = new Set<Node>();
  /** The alias uses being expanded, outermost first. */
  private readonly uses: Span[] = [];

  constructor(
    private readonly index: LineIndex,
    private readonly anchors: Anchor[],
  ) {}

  /** The node's value span, without the line breaks and blanks a block collection ends with. */
  private spanOf(node: { range?: [number, number, number] | null }): Span {
    const range = node.range ?? [0, 0, 0];
    let end = range[1];
    while (end > range[0] && /\s/.test(this.index.text[end - 1])) end--;
    return { start: range[0], end };
  }

  /**
   * An empty key (`: value`) is placed by the parser at the start of the comment lines above it:
   * it is moved to its `:`, so a finding on it is on the entry's line, where a pragma above applies.
   */
  private keySpanOf(node: Node): Span {
    const span = this.spanOf(node);
    if (span.start !== span.end) return span;
    const text = this.index.text;
    let at = span.start;
    while (at < text.length && (/\s/.test(text[at]) || text[at] === '#')) {
      if (text[at] === '#') while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
      else at++;
    }
    return { start: at, end: at };
  }

  private rangeOf(span: Span): Range {
    return spanRange(this.index, span);
  }

  /** The anchored node an alias names: the nearest anchor of that name before it. */
  private target(alias: Node & { source: string }): Node | null {
    const at = alias.range?.[0] ?? 0;
    let found: Node | null = null;
    for (const anchor of this.anchors) {
      if (anchor.start >= at) break;
      if (anchor.name === alias.source) found = anchor.node;
    }
    return found;
  }

  /** Resolves an alias for use at `usedAt`; null when unknown, cyclic or over budget. */
  private follow(alias: Node & { source: string }, usedAt: Span, origin: ValueOrigin | null): { node: Node; origin: ValueOrigin } | null {
    if (this.expanded > MAX_RESOLVED_NODES) {
      this.stoppedAt ??= this.uses[0] ?? usedAt;
      return null;
    }
    const node = this.target(alias);
    if (!node || this.active.has(node)) return null;
    return { node, origin: origin ?? { anchor: alias.source, definedAt: this.rangeOf(this.spanOf(node)), usedAt: this.rangeOf(usedAt) } };
  }

  value(node: unknown, origin: ValueOrigin | null): YamlValue | null {
    if (!node) return null;
    if (isAlias(node)) {
      const resolved = this.follow(node, this.spanOf(node), origin);
      if (!resolved) return null;
      this.active.add(resolved.node);
      this.uses.push(this.spanOf(node));
      try {
        return this.value(resolved.node, resolved.origin);
      } finally {
        this.active.delete(resolved.node);
        this.uses.pop();
      }
    }
    this.count++;
    if (this.uses.length > 0) this.expanded++;
    const span = this.spanOf(node as Node);
    const range = this.rangeOf(span);
    if (isScalar(node)) {
      const value = node.value;
      const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : (node.source ?? String(value));
      return { type: 'scalar', node, span, range, origin, value, text, style: String(node.type ?? 'PLAIN') };
    }
    if (isSeq(node)) {
      const items: YamlValue[] = [];
      for (const item of node.items) {
        const value = this.value(item, origin);
        if (value) items.push(value);
      }
      return { type: 'seq', node, span, range, origin, flow: Boolean(node.flow), items };
    }
    if (isMap(node)) return this.mapping(node as Node & { items: Pair[]; flow?: boolean }, { node: node as Node, span, range, origin });
    return null;
  }

  private mapping(node: Node & { items: Pair[]; flow?: boolean }, base: ValueBase): YamlMapping {
    const entries: YamlEntry[] = [];
    const merges: Pair[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      if (isMergeKey(pair.key)) {
        merges.push(pair);
        continue;
      }
      const entry = this.entry(pair, base.origin);
      if (entry) entries.push(entry);
    }
    const own = new Set(entries.map((e) => e.key));
    for (const pair of merges) {
      const usedAt: Span = { start: this.spanOf(pair.key as Node).start, end: pair.value ? this.spanOf(pair.value as Node).end : this.spanOf(pair.key as Node).end };
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const source of sources) {
        let merged: YamlValue | null = null;
        if (isAlias(source)) {
          const resolved = this.follow(source, usedAt, base.origin);
          if (!resolved) continue;
          this.active.add(resolved.node);
          this.uses.push(usedAt);
          try {
            merged = this.value(resolved.node, resolved.origin);
          } finally {
            this.active.delete(resolved.node);
            this.uses.pop();
          }
        } else {
          merged = this.value(source, base.origin);
        }
        if (merged?.type !== 'map') continue;
        for (const entry of merged.entries) {
          if (own.has(entry.key)) continue;
          own.add(entry.key);
          entries.push(entry);
        }
      }
    }
    const byKey = new Map<string, YamlEntry>();
    for (const entry of entries) if (!byKey.has(entry.key)) byKey.set(entry.key, entry);
    return { type: 'map', node: base.node, span: base.span, range: base.range, origin: base.origin, flow: Boolean(node.flow), entries, get: (key: string) => byKey.get(key) };
  }

  private entry(pair: Pair, origin: ValueOrigin | null): YamlEntry | null {
    const keyNode = pair.key as Node | null;
    if (!keyNode) return null;
    const keySpan = this.keySpanOf(keyNode);
    // A collection as a key is read as written: turning it into a string would resolve it (and a
    // merge key inside it throws).
    const key = isScalar(keyNode) ? String(keyNode.value ?? '') : this.index.text.slice(keySpan.start, keySpan.end);
    const valueNode = pair.value as Node | null;
    const span: Span = { start: keySpan.start, end: valueNode?.range ? Math.max(keySpan.end, this.spanOf(valueNode).end) : keySpan.end };
    return {
      key,
      keySpan,
      keyRange: this.rangeOf(keySpan),
      value: this.value(valueNode, origin),
      span,
      range: this.rangeOf(span),
      origin,
      pair,
    };
  }
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (key.value === '<<' || typeof key.value === 'symbol') && key.type !== 'QUOTE_DOUBLE' && key.type !== 'QUOTE_SINGLE';
}

/** The range to report a finding on: where the value is used (for an alias or merge), else where it is. */
export function reportRange(item: { range: Range; origin: ValueOrigin | null }): Range {
  return item.origin ? item.origin.usedAt : item.range;
}

/** " (from &name on line N)" for a value that came through an alias or merge; '' otherwise. */
export function originNote(item: { origin: ValueOrigin | null }): string {
  return item.origin ? ` (from &${item.origin.anchor} on line ${item.origin.definedAt.start.line + 1})` : '';
}

/** The value's text when it is a scalar, else undefined. */
export function scalarText(value: YamlValue | null | undefined): string | undefined {
  return value?.type === 'scalar' ? value.text : undefined;
}

/**
 * An error the parser places on the white space before a token (a wrongly indented key is reported
 * at the start of its line, or on the comment lines above it) moves to that token: it is about the
 * token, and a `# shipshape ignore=…` line inserted above the token must not take the error over.
 */
function errorSpan(text: string, start: number, end: number): [number, number] {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
  const onCommentLine = text[start] === '#' && text.slice(lineStart, start).trim() === '';
  if (!onCommentLine && !/^[ \r\n]+$/.test(text.slice(start, Math.max(end, start + 1)))) return [start, end];
  let at = start;
  while (at < text.length) {
    const c = text[at];
    if (c === ' ' || c === '\r' || c === '\n') at++;
    else if (c === '#' && (at === 0 || /\s/.test(text[at - 1]))) {
      while (at < text.length && text[at] !== '\n') at++;
    } else break;
  }
  return at < text.length ? [at, at + 1] : [start, end];
}

/** A one-character error span grows to the word it points at (`image` of a duplicate `image:`). */
function errorEnd(text: string, start: number, end: number): number {
  if (end - start > 1) return end;
  const word = /^[^\s,[\]{}#]*/.exec(text.slice(start, start + 200))?.[0].replace(/:$/, '') ?? '';
  return Math.max(end, start + word.length);
}

/**
 * A missing closing quote is found where the string had to end (the end of the file, often, since a
 * quoted string runs on over the lines below): the finding goes to the opening quote, on the line
 * up to its end, which is where the fix belongs. Null when the error is another one.
 */
function unclosedQuoteSpan(document: Document, text: string, error: { code: string; message: string; pos: [number, number] }): [number, number] | null {
  const quote = /^Missing closing (["'])quote/.exec(error.message)?.[1];
  if (error.code !== 'MISSING_CHAR' || !quote) return null;
  const style = quote === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
  let start = -1;
  visit(document, {
    Scalar(_key, node) {
      const range = node.range;
      // The innermost (last-starting) string of that quote that runs up to the error.
      if (node.type === style && range && range[0] < error.pos[0] && error.pos[0] <= range[2] && range[0] > start) start = range[0];
    },
  });
  if (start < 0 || text[start] !== quote) return null;
  let end = start + 1;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  while (end > start + 1 && /[ \t]/.test(text[end - 1])) end--;
  return [start, end];
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

export function parseCompose(text: string): ComposeModel {
  const index = new LineIndex(text);
  // A lone \r is a line break in YAML 1.2 (and for docker compose's parser and the line index) but
  // not for the yaml package: it reads the text with each one turned into a \n, same offsets.
  const document = parseDocument(text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text, { merge: true, keepSourceTokens: false, prettyErrors: true, uniqueKeys: true });
  const problems: ComposeProblem[] = [];
  const errorLines = new Set<number>();
  for (const error of document.errors) {
    const [start, end] = unclosedQuoteSpan(document, text, error) ?? errorSpan(text, error.pos[0], error.pos[1]);
    // One finding per problem: errors that follow from the first on its line are dropped.
    const line = index.positionAt(start).line;
    if (errorLines.has(line)) continue;
    errorLines.add(line);
    problems.push({ message: firstLine(error.message), range: spanRange(index, { start, end: errorEnd(text, start, end) }) });
  }

  const anchors: Anchor[] = [];
  const statements: { fromLine: number; toLine: number }[] = [];
  const lineOf = (offset: number) => index.positionAt(offset).line;
  visit(document, {
    Node(_key, node) {
      const anchor = (node as { anchor?: string }).anchor;
      if (anchor && node.range) anchors.push({ name: anchor, node, start: node.range[0] });
      if (!isSeq(node)) return;
      for (const item of node.items) {
        const range = (item as Node | null)?.range;
        if (range) statements.push({ fromLine: lineOf(range[0]), toLine: lastLineOf(index, { start: range[0], end: range[1] }) });
      }
    },
    Pair(_key, pair) {
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      const start = keyNode?.range?.[0] ?? valueNode?.range?.[0];
      if (start === undefined) return;
      const end = Math.max(keyNode?.range?.[1] ?? start, valueNode?.range?.[1] ?? start);
      statements.push({ fromLine: lineOf(start), toLine: lastLineOf(index, { start, end }) });
    },
  });
  anchors.sort((a, b) => a.start - b.start);

  const resolver = new Resolver(index, anchors);
  const rootValue = resolver.value(document.contents, null);
  const root = rootValue?.type === 'map' ? rootValue : null;
  if (resolver.stoppedAt) {
    problems.push({
      message: `YAML aliases expand to more than ${MAX_RESOLVED_NODES} nodes (an alias bomb?): stopped expanding them here, so values from later aliases are not checked`,
      range: spanRange(index, resolver.stoppedAt),
    });
  }
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);

  const services: ComposeService[] = [];
  const servicesValue = root?.get('services')?.value;
  if (servicesValue?.type === 'map') {
    for (const entry of servicesValue.entries) {
      const map = entry.value?.type === 'map' ? entry.value : null;
      services.push({ name: entry.key, entry, map, get: (key) => map?.get(key), build: readBuild(map) });
    }
  }

  const comments: CommentLine[] = [];
  for (let line = 0; line < index.lineCount; line++) {
    const lineText = index.lineText(line);
    if (/^\s*#/.test(lineText)) comments.push({ line, text: lineText });
  }

  return {
    kind: 'compose',
    text,
    index,
    document,
    root,
    services,
    problems,
    comments,
    statements,
    resolvedNodes: resolver.count,
    top: (key) => root?.get(key),
  };
}

const REMOTE_CONTEXT = /^([a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)/i;

function joinPath(base: string, relative: string): string {
  if (relative.startsWith('/') || /^[A-Za-z]:[\\/]/.test(relative)) return relative;
  const parts: string[] = [];
  for (const part of `${base}/${relative}`.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  const joined = parts.join('/');
  return base.startsWith('/') ? '/' + joined : joined;
}

function readBuild(service: YamlMapping | null): ServiceBuild | null {
  const entry = service?.get('build');
  if (!entry || !entry.value) return null;
  let context: string | null = '.';
  let dockerfile = 'Dockerfile';
  let inline: string | null = null;
  if (entry.value.type === 'scalar') {
    context = entry.value.text;
  } else if (entry.value.type === 'map') {
    context = scalarText(entry.value.get('context')?.value) ?? '.';
    dockerfile = scalarText(entry.value.get('dockerfile')?.value) ?? 'Dockerfile';
    inline = scalarText(entry.value.get('dockerfile_inline')?.value) ?? null;
  } else {
    return null;
  }
  const remote = REMOTE_CONTEXT.test(context);
  if (remote || context.includes('$')) context = null;
  const dockerfilePath = context === null || dockerfile.includes('$') ? null : joinPath(context, dockerfile);
  return { entry, context, remote, dockerfilePath, inline };
}

/**
 * True when the service is only a fragment (an override file's partial service, or one that
 * `extends:` another): settings it lacks may come from elsewhere, so "missing key" rules skip it.
 */
export function isPartialService(service: ComposeService): boolean {
  return !service.map || service.get('extends') !== undefined || (service.get('image') === undefined && service.get('build') === undefined);
}

/** Where to report something a service lacks: its name. */
export function serviceRange(service: ComposeService): Range {
  return service.entry.origin ? service.entry.origin.usedAt : service.entry.keyRange;
}

/**
 * A scalar's text as compose reads it when no variable is set (`${NNP:-true}` → `true`), with
 * `unresolved` when a variable without a default leaves part of it to the environment; undefined
 * for a mapping or sequence.
 */
export function defaultedText(value: YamlValue | null | undefined): { text: string; unresolved: boolean } | undefined {
  return value?.type === 'scalar' ? withDefaults(value.text.trim()) : undefined;
}

/** True for YAML/compose true values (`true`, `yes`, `on`, and a `${VAR:-true}` default). */
export function isTrue(value: YamlValue | null | undefined): boolean {
  const text = defaultedText(value)?.text;
  return text !== undefined && /^(true|yes|on)$/i.test(text.trim());
}
