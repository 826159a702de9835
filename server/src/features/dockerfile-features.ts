/**
 * Dockerfile language features: completion, hover, signature help, formatting, folding, symbols,
 * definition, rename, highlights, links and semantic tokens come from dockerfile-language-service;
 * this module adds what it lacks (stage names after `--mount=…from=`, stages as the outline's
 * parents) and keeps it offline (the service would ask Docker Hub for tags while typing FROM).
 */
import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import { DockerfileLanguageServiceFactory, type DockerfileLanguageService } from 'dockerfile-language-service';
import { DockerAssist } from 'dockerfile-language-service/lib/dockerAssist';
import type { DockerRegistryClient } from 'dockerfile-language-service/lib/dockerRegistryClient';
import { DockerSemanticTokens } from 'dockerfile-language-service/lib/dockerSemanticTokens';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type DocumentSymbol,
  type FormattingOptions,
  type Location,
  type Position,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';

/** The service's semantic token legend, in the order its token numbers use. */

/** Longest Dockerfile that gets semantic tokens (they cost about half a second at 1,000 lines with many variables). */
export const SEMANTIC_TOKENS_MAX_LINES = 1000;

/**
 * Longest Dockerfile that gets what the editor asks for by itself after edits (outline, folding,
 * highlights, links): past it each costs a quarter second or more, and the editor's own indentation
 * folding and grammar do without them. Completion, hover and the rest, asked for by the user, have
 * no limit.
 */
export const AMBIENT_FEATURES_MAX_LINES = 2000;

/** Tags for FROM come from a registry; while typing, none is asked. */
const OFFLINE_REGISTRY = { getTags: async () => [] as string[] } as unknown as DockerRegistryClient;

const COMPLETION_CAPABILITIES = {
  snippetSupport: true,
  deprecatedSupport: true,
  documentationFormat: [MarkupKind.Markdown, MarkupKind.PlainText],
};

let service: DockerfileLanguageService | undefined;
function languageService(): DockerfileLanguageService {
  if (!service) {
    service = DockerfileLanguageServiceFactory.createLanguageService();
    service.setCapabilities({
      completion: { completionItem: COMPLETION_CAPABILITIES },
      hover: { contentFormat: [MarkupKind.Markdown] },
      foldingRange: { lineFoldingOnly: false },
    });
  }
  return service;
}

const inside = (position: Position, range: Range | null | undefined): boolean =>
  !!range &&
  (position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character)) &&
  (position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character));

/** A `from=<stage>` inside a RUN `--mount=` flag: the stage name and where it is written. */
interface MountFrom {
  name: string;
  range: Range;
}

/** Every `--mount=…,from=<name>` of RUN instructions (BuildKit mounts from a stage or an image). */
function mountFroms(dockerfile: Dockerfile, document: TextDocument): MountFrom[] {
  const found: MountFrom[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() !== 'RUN') continue;
    for (const flag of (instruction as unknown as { getFlags(): { getName(): string; getValue(): string | null; getValueRange(): Range | null }[] }).getFlags()) {
      const valueRange = flag.getValueRange();
      const value = flag.getValue();
      if (flag.getName().toLowerCase() !== 'mount' || !valueRange || value === null) continue;
      const start = document.offsetAt(valueRange.start);
      const match = /(^|,)from=([^,]*)/i.exec(value);
      if (!match) continue;
      const nameStart = start + match.index + match[1].length + 'from='.length;
      found.push({ name: match[2], range: { start: document.positionAt(nameStart), end: document.positionAt(nameStart + match[2].length) } });
    }
  }
  return found;
}

/** The FROM that names `stage` (case-insensitively) before `line`. */
function stageDeclaration(dockerfile: Dockerfile, stage: string, line: number): Range | null {
  for (const from of dockerfile.getFROMs()) {
    const range = from.getBuildStageRange();
    if (range && range.start.line < line && from.getBuildStage()?.toLowerCase() === stage.toLowerCase()) return range;
  }
  return null;
}

export class DockerfileFeatures {
  async completion(document: TextDocument, position: Position): Promise<CompletionItem[]> {
    const dockerfile = DockerfileParser.parse(document.getText());
    const mount = mountFroms(dockerfile, document).find((m) => inside(position, m.range));
    if (mount) return this.stageCompletions(dockerfile, document, position, mount);
    const assist = new DockerAssist(document, OFFLINE_REGISTRY, COMPLETION_CAPABILITIES);
    return await assist.computeProposals(position);
  }

  private stageCompletions(dockerfile: Dockerfile, document: TextDocument, position: Position, mount: MountFrom): CompletionItem[] {
    const prefix = document.getText({ start: mount.range.start, end: position }).toLowerCase();
    const items: CompletionItem[] = [];
    for (const from of dockerfile.getFROMs()) {
      const stage = from.getBuildStage();
      if (!stage || from.getRange().start.line >= position.line || !stage.toLowerCase().startsWith(prefix)) continue;
      items.push({
        label: stage,
        kind: CompletionItemKind.Reference,
        detail: from.getImage() ?? undefined,
        textEdit: { range: mount.range, newText: stage },
      });
    }
    return items;
  }

  /** Adds the documentation of an instruction or flag item (their `data` names them); other items stay as they are. */
  resolveCompletion(item: CompletionItem): CompletionItem {
    if (typeof item.data !== 'string') return item;
    try {
      return languageService().resolveCompletionItem(item);
    } catch {
      return item;
    }
  }

  hover(document: TextDocument, position: Position) {
    return languageService().computeHover(document.getText(), position);
  }

  signatureHelp(document: TextDocument, position: Position) {
    return languageService().computeSignatureHelp(document.getText(), position);
  }

  format(document: TextDocument, options: FormattingOptions): TextEdit[] {
    return languageService().format(document.getText(), options);
  }

  formatRange(document: TextDocument, range: Range, options: FormattingOptions): TextEdit[] {
    return languageService().formatRange(document.getText(), range, options);
  }

  formatOnType(document: TextDocument, position: Position, ch: string, options: FormattingOptions): TextEdit[] {
    return languageService().formatOnType(document.getText(), position, ch, options);
  }

  folding(document: TextDocument) {
    if (document.lineCount > AMBIENT_FEATURES_MAX_LINES) return [];
    return languageService().computeFoldingRanges(document.getText());
  }

  highlights(document: TextDocument, position: Position) {
    if (document.lineCount > AMBIENT_FEATURES_MAX_LINES) return [];
    return languageService().computeHighlightRanges(document.getText(), position);
  }

  /**
   * Links from image names to their registry pages, resolved at once (no resolve round trip). An
   * image of another registry than those the service knows (gcr.io…) gets no link rather than a
   * wrong Docker Hub one.
   */
  links(document: TextDocument) {
    if (document.lineCount > AMBIENT_FEATURES_MAX_LINES) return [];
    const service = languageService();
    const froms = DockerfileParser.parse(document.getText()).getFROMs();
    return service
      .computeLinks(document.getText())
      .map((link) => service.resolveLink(link))
      .filter((link) => {
        if (!link.target?.startsWith('https://hub.docker.com/')) return true;
        const image = froms.find((from) => from.getRange().start.line === link.range.start.line)?.getImage() ?? '';
        const first = image.split('/')[0];
        return !(image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost') && first !== 'docker.io');
      })
      .map((link) => ({ range: link.range, target: link.target, tooltip: link.tooltip }));
  }

  /**
   * The service's semantic tokens. It appends each token with `tokens = tokens.concat(…)`, which
   * copies the whole list every time (seconds for a long file); an array whose concat appends in
   * place makes it linear.
   */
  semanticTokens(document: TextDocument): { data: number[] } {
    // Resolving each variable use scans the whole file: past this size the grammar's colours stay alone.
    if (document.lineCount > SEMANTIC_TOKENS_MAX_LINES) return { data: [] };
    const computer = new DockerSemanticTokens(document.getText());
    const tokens: number[] = [];
    (tokens as unknown as { concat: (items: number[]) => number[] }).concat = (items: number[]) => {
      for (const item of items) tokens.push(item);
      return tokens;
    };
    (computer as unknown as { tokens: number[] }).tokens = tokens;
    const { data } = computer.computeSemanticTokens();
    return { data: Array.from(data) };
  }

  definition(document: TextDocument, position: Position): Location | null {
    const dockerfile = DockerfileParser.parse(document.getText());
    const mount = mountFroms(dockerfile, document).find((m) => inside(position, m.range));
    if (mount) {
      const range = stageDeclaration(dockerfile, mount.name, mount.range.start.line);
      return range ? { uri: document.uri, range } : null;
    }
    return languageService().computeDefinition({ uri: document.uri }, document.getText(), position) ?? null;
  }

  prepareRename(document: TextDocument, position: Position): Range | null {
    const dockerfile = DockerfileParser.parse(document.getText());
    const mount = mountFroms(dockerfile, document).find((m) => inside(position, m.range));
    if (mount) return stageDeclaration(dockerfile, mount.name, mount.range.start.line) ? mount.range : null;
    return languageService().prepareRename(document.getText(), position);
  }

  /** Renames a stage (its FROM … AS, COPY --from, FROM <stage> and RUN --mount=from=) or a variable (ARG/ENV and its uses). */
  rename(document: TextDocument, position: Position, newName: string): WorkspaceEdit | null {
    const text = document.getText();
    const dockerfile = DockerfileParser.parse(text);
    const mounts = mountFroms(dockerfile, document);
    const onMount = mounts.find((m) => inside(position, m.range));
    // Renaming from a mount's from= starts at the stage it names.
    const at = onMount ? stageDeclaration(dockerfile, onMount.name, onMount.range.start.line)?.start : position;
    if (!at) return null;
    const edits = languageService().computeRename({ uri: document.uri }, text, at, newName);
    if (edits.length === 0) return null;
    const stage = dockerfile.getFROMs().find((from) => inside(at, from.getBuildStageRange()));
    const stageName = stage?.getBuildStage();
    if (stage && stageName) {
      for (const mount of mounts) {
        if (mount.name.toLowerCase() === stageName.toLowerCase() && mount.range.start.line > stage.getRange().start.line) {
          edits.push({ range: mount.range, newText: newName });
        }
      }
    }
    return { changes: { [document.uri]: dedupe(edits) } };
  }

  /** The outline: each stage (FROM … AS name) holds its instructions; parser directives come first. */
  symbols(document: TextDocument): DocumentSymbol[] {
    if (document.lineCount > AMBIENT_FEATURES_MAX_LINES) return [];
    const dockerfile = DockerfileParser.parse(document.getText());
    const symbols: DocumentSymbol[] = [];
    for (const directive of dockerfile.getDirectives()) {
      const range = directive.getRange();
      symbols.push({ name: `${directive.getName()}=${directive.getValue()}`, kind: SymbolKind.Property, range, selectionRange: directive.getNameRange() });
    }
    const froms = new Map(dockerfile.getFROMs().map((from) => [from.getRange().start.line, from]));
    let current: DocumentSymbol | null = null;
    let index = 0;
    for (const instruction of dockerfile.getInstructions()) {
      const range = instruction.getRange();
      const keyword = instruction.getKeyword();
      if (keyword === 'FROM') {
        const from = froms.get(range.start.line);
        const name = from?.getBuildStage() ?? `stage ${index}`;
        current = {
          name,
          detail: from?.getImage() ?? undefined,
          kind: SymbolKind.Class,
          range,
          selectionRange: from?.getBuildStageRange() ?? instruction.getInstructionRange(),
          children: [],
        };
        index++;
        symbols.push(current);
        continue;
      }
      const symbol: DocumentSymbol = {
        name: instruction.getInstruction(),
        detail: instruction.getRawArgumentsContent()?.split(/\r?\n/)[0]?.slice(0, 80),
        kind: keyword === 'ARG' || keyword === 'ENV' ? SymbolKind.Variable : SymbolKind.Function,
        range,
        selectionRange: instruction.getInstructionRange(),
      };
      if (keyword === 'MAINTAINER') symbol.tags = [1];
      if (current) {
        current.children!.push(symbol);
        current.range = { start: current.range.start, end: range.end };
      } else {
        symbols.push(symbol);
      }
    }
    return symbols;
  }
}

function dedupe(edits: TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((edit) => {
    const key = `${edit.range.start.line}:${edit.range.start.character}:${edit.range.end.line}:${edit.range.end.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
