/**
 * The whole-file view of a Dockerfile: directives, comments, instructions and build stages, with
 * ARG values resolved for FROM lines. Built from per-chunk parses that a `DockerfileParser` caches
 * by text, so re-linting after a keystroke re-parses only the instruction that changed.
 */
import { LineIndex, type Range, range as makeRange } from '../engine/text';
import { isCommentLine, scanChunks, type Chunk } from './chunks';
import { expandVariables, parseImageReference, type ImageReference } from './image-reference';
import { parseInstructionChunk, shiftInstruction, type Instruction, type Word } from './instruction';

export interface Directive {
  /** As written (`syntax`, `Escape`). */
  name: string;
  value: string;
  line: number;
  nameRange: Range;
  valueRange: Range;
  range: Range;
}

export interface Comment {
  line: number;
  /** The whole line. */
  text: string;
  range: Range;
}

export interface Stage {
  index: number;
  /** `AS name`, as written; null when unnamed. */
  name: string | null;
  nameRange: Range | null;
  from: Instruction;
  /** The image word as written (`node:${NODE_VERSION}-slim`). */
  imageWord: Word | null;
  /** The image after expanding ARGs declared before the first FROM. */
  image: ImageReference | null;
  /** The earlier stage this one builds on (`FROM build AS test`), if any. */
  baseStage: Stage | null;
  /** The FROM and every instruction up to the next FROM. */
  instructions: Instruction[];
}

export interface DockerfileModel {
  kind: 'dockerfile';
  text: string;
  index: LineIndex;
  escape: string;
  directives: Directive[];
  /** Whole-line comments outside and inside instructions, in line order. */
  comments: Comment[];
  instructions: Instruction[];
  /** ARG instructions before the first FROM. */
  globalArgs: Instruction[];
  stages: Stage[];
  /** The last stage: what `docker build` without `--target` produces. */
  finalStage: Stage | null;
  /** Default values of the ARGs declared before the first FROM. */
  globalArgValues: Map<string, string | null>;
  /** The stage an instruction belongs to (-1 before the first FROM). */
  stageOf(instruction: Instruction): Stage | null;
  /** The instruction covering a line, if any. */
  instructionAt(line: number): Instruction | undefined;
}

interface CachedChunk {
  startLine: number;
  instruction: Instruction | null;
  /** The parse that last used it. */
  generation: number;
}

/** Parses Dockerfiles, reusing the parse of every chunk whose text did not change since the last call. */
export class DockerfileParser {
  /**
   * Parses by chunk text, then by start line (a file may repeat the same instruction many times),
   * updated in place: a keystroke replaces one entry instead of building a cache of the whole file.
   */
  private readonly cache = new Map<string, Map<number, CachedChunk>>();
  private generation = 0;

  parse(text: string): DockerfileModel {
    const generation = ++this.generation;
    const index = new LineIndex(text);
    const scan = scanChunks(index);
    const instructions: Instruction[] = [];
    for (const chunk of scan.chunks) {
      const instruction = this.parseChunk(chunk, scan.escape, generation);
      if (instruction) instructions.push(instruction);
    }
    this.dropUnused(generation);
    return buildModel(text, index, scan.escape, scan.directives, scan.commentLines, instructions);
  }

  private parseChunk(chunk: Chunk, escape: string, generation: number): Instruction | null {
    const key = escape + chunk.text;
    let byLine = this.cache.get(key);
    // The parse at the same line when there is one, else one this parse has not used yet, moved here
    // (chunks come in line order, so no other chunk of this parse wants this line's slot).
    let entry = byLine?.get(chunk.startLine);
    if (!entry && byLine) {
      for (const candidate of byLine.values()) {
        if (candidate.generation === generation) continue;
        byLine.delete(candidate.startLine);
        if (candidate.instruction) candidate.instruction = shiftInstruction(candidate.instruction, chunk.startLine - candidate.startLine);
        candidate.startLine = chunk.startLine;
        byLine.set(chunk.startLine, candidate);
        entry = candidate;
        break;
      }
    }
    if (!entry) {
      const parsed = parseInstructionChunk(chunk.text, escape);
      entry = { startLine: chunk.startLine, instruction: parsed && shiftInstruction(parsed, chunk.startLine), generation };
      if (!byLine) {
        byLine = new Map();
        this.cache.set(key, byLine);
      }
      byLine.set(chunk.startLine, entry);
    }
    entry.generation = generation;
    return entry.instruction;
  }

  /** Forgets the chunks the last parse did not have. */
  private dropUnused(generation: number): void {
    for (const [key, byLine] of this.cache) {
      for (const [line, entry] of byLine) if (entry.generation !== generation) byLine.delete(line);
      if (byLine.size === 0) this.cache.delete(key);
    }
  }
}

/** Parses one Dockerfile without a cache. */
export function parseDockerfile(text: string): DockerfileModel {
  return new DockerfileParser().parse(text);
}

function buildModel(
  text: string,
  index: LineIndex,
  escape: string,
  directiveLines: ReturnType<typeof scanChunks>['directives'],
  commentLines: number[],
  instructions: Instruction[],
): DockerfileModel {
  const directives: Directive[] = directiveLines.map((d) => ({
    name: d.name,
    value: d.value,
    line: d.line,
    nameRange: makeRange(d.line, d.nameStart, d.line, d.nameEnd),
    valueRange: makeRange(d.line, d.valueStart, d.line, d.valueEnd),
    range: makeRange(d.line, 0, d.line, index.lineText(d.line).length),
  }));

  const comments: Comment[] = [];
  for (const line of commentLines) comments.push(commentAt(index, line));
  for (const instruction of instructions) for (const inner of instruction.innerComments) comments.push(commentAt(index, inner.line));
  comments.sort((a, b) => a.line - b.line);

  const globalArgs: Instruction[] = [];
  const globalArgValues = new Map<string, string | null>();
  const stages: Stage[] = [];
  const stageByInstruction = new Map<Instruction, Stage>();
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      stages.push(makeStage(instruction, stages, globalArgValues));
    } else if (stages.length === 0 && instruction.keyword === 'ARG') {
      globalArgs.push(instruction);
      for (const prop of instruction.properties) globalArgValues.set(prop.name, prop.value);
    }
    const current = stages[stages.length - 1];
    if (current) {
      if (instruction.keyword !== 'FROM') current.instructions.push(instruction);
      stageByInstruction.set(instruction, current);
    }
  }

  return {
    kind: 'dockerfile',
    text,
    index,
    escape,
    directives,
    comments,
    instructions,
    globalArgs,
    stages,
    finalStage: stages.length > 0 ? stages[stages.length - 1] : null,
    globalArgValues,
    stageOf: (instruction) => stageByInstruction.get(instruction) ?? null,
    instructionAt: (line) => findInstruction(instructions, line),
  };
}

function commentAt(index: LineIndex, line: number): Comment {
  const text = index.lineText(line);
  return { line, text, range: makeRange(line, 0, line, text.length) };
}

function makeStage(from: Instruction, earlier: Stage[], globalArgValues: Map<string, string | null>): Stage {
  const imageWord = from.args[0] ?? null;
  let name: string | null = null;
  let nameRange: Range | null = null;
  if (from.args.length >= 3 && from.args[1].value.toUpperCase() === 'AS') {
    name = from.args[2].value;
    nameRange = from.args[2].range;
  }
  let image: ImageReference | null = null;
  let baseStage: Stage | null = null;
  if (imageWord) {
    // FROM words go through the shell lexer: `alpine:"${TAG}"` names alpine:<TAG>, quotes removed
    // (an image reference never contains a quote).
    const expanded = expandVariables(imageWord.value, globalArgValues).replace(/["']/g, '');
    baseStage = earlier.find((stage) => stage.name !== null && stage.name.toLowerCase() === expanded.toLowerCase()) ?? null;
    image = parseImageReference(expanded);
  }
  return { index: earlier.length, name, nameRange, from, imageWord, image, baseStage, instructions: [] };
}

/**
 * The line where text inserted "before" `instruction` goes: above the comment lines directly over
 * it, so those comments (and a `# hadolint ignore=…` or `# shipshape ignore=…` pragma among them)
 * stay with the instruction they were written for.
 */
export function lineAboveComments(model: DockerfileModel, instruction: Instruction): number {
  const directiveLines = new Set(model.directives.map((d) => d.line));
  let line = instruction.range.start.line;
  while (line > 0 && !directiveLines.has(line - 1) && isCommentLine(model.index.lineText(line - 1)) && !model.instructionAt(line - 1)) line--;
  return line;
}

function findInstruction(instructions: Instruction[], line: number): Instruction | undefined {
  let low = 0;
  let high = instructions.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const r = instructions[mid].range;
    if (line < r.start.line) high = mid - 1;
    else if (line > r.end.line) low = mid + 1;
    else return instructions[mid];
  }
  return undefined;
}
