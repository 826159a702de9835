/**
 * `docker build` of one Dockerfile: streams the output, reports each step with the Dockerfile line
 * it runs, and on failure finds the line of the failing step (BuildKit prints it; for the classic
 * builder the step text is matched against the parsed Dockerfile).
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { parseDockerfile } from '../dockerfile/model';
import type { Instruction } from '../dockerfile/instruction';
import { docker, InputError, runDocker, runProcess, throwIfAborted, type DockerOptions } from './docker-cli';
import { assertImageReference, assertLabel, assertNotOption } from './names';

export interface BuildStep {
  /** 1-based step number as the builder counts it. */
  index: number;
  total: number | null;
  /** The instruction as the builder prints it (`RUN apk add curl`). */
  text: string;
  /** 1-based Dockerfile line of the instruction, when found. */
  line: number | null;
}

export interface BuildFailure {
  message: string;
  /** 1-based Dockerfile line of the failing step, when found. */
  line: number | null;
  step: string | null;
}

export interface BuildOptions extends DockerOptions {
  dockerfile: string;
  /** Build context folder (default: the Dockerfile's folder). */
  context?: string;
  tag: string;
  labels?: Record<string, string>;
  buildArgs?: Record<string, string>;
  target?: string;
  onOutput?: (line: string) => void;
  onStep?: (step: BuildStep) => void;
}

export interface BuildResult {
  ok: boolean;
  tag: string;
  imageId: string | null;
  durationMs: number;
  builder: 'buildkit' | 'classic';
  failure: BuildFailure | null;
  /** The last lines of output (at most 200). */
  output: string[];
}

const LEGACY_STEP = /^Step (\d+)\/(\d+) : (.*)$/;
const BUILDKIT_STEP = /^#\d+ \[(?:[^\]]*? )?(\d+)\/(\d+)\] (.*)$/;
const BUILDKIT_MARKER = /^\s*(\d+)\s*\|\s*>>>/;
const FAILURE_LINE = /returned a non-zero code|^(?:ERROR|error)[: ]|failed to|not found|no such file/i;

const builderCache = new Map<string, 'buildkit' | 'classic'>();

/** BuildKit when the buildx plugin answers (and DOCKER_BUILDKIT is not 0), else the classic builder. */
export async function builderKind(options: DockerOptions = {}): Promise<'buildkit' | 'classic'> {
  if (process.env.DOCKER_BUILDKIT === '0') return 'classic';
  const key = options.dockerPath ?? 'docker';
  const cached = builderCache.get(key);
  if (cached) return cached;
  let kind: 'buildkit' | 'classic' = 'classic';
  try {
    const result = await runProcess(key, ['buildx', 'version'], { signal: options.signal, timeoutMs: 10000 });
    if (result.code === 0) kind = 'buildkit';
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
  }
  builderCache.set(key, kind);
  return kind;
}

function normalize(text: string): string {
  return text.replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Finds Dockerfile lines for the instructions a builder prints, in order. */
export class StepLocator {
  private readonly instructions: { instruction: Instruction; text: string }[];
  private next = 0;

  constructor(dockerfileText: string) {
    const model = parseDockerfile(dockerfileText);
    const lines = dockerfileText.split(/\r?\n/);
    this.instructions = model.instructions.map((instruction) => ({
      instruction,
      text: normalize(lines.slice(instruction.range.start.line, instruction.range.end.line + 1).join('\n')),
    }));
  }

  /** The 1-based line of the first instruction at or after the last match whose text matches. */
  locate(stepText: string): number | null {
    const wanted = normalize(stepText);
    const matches = (text: string): boolean => text === wanted || text.startsWith(wanted) || (wanted.length > 20 && wanted.startsWith(text));
    for (const from of [this.next, 0]) {
      for (let i = from; i < this.instructions.length; i++) {
        if (matches(this.instructions[i].text)) {
          this.next = i + 1;
          return this.instructions[i].instruction.range.start.line + 1;
        }
      }
    }
    return null;
  }
}

/**
 * Reads the builder's output line by line (classic `Step 3/9 : RUN …` or BuildKit plain
 * `#7 [2/5] RUN …`): the steps with their Dockerfile lines, and after a failure its message and line.
 */
export class BuildOutputReader {
  private readonly locator: StepLocator;
  private readonly seen = new Set<string>();
  private readonly locationLine: RegExp;
  private reportedLine: number | null = null;
  lastStep: BuildStep | null = null;
  readonly output: string[] = [];

  constructor(dockerfileText: string, dockerfileName: string) {
    this.locator = new StepLocator(dockerfileText);
    this.locationLine = new RegExp(`^${dockerfileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+)$`);
  }

  /** Takes one line; returns the step it starts, if it starts one. */
  feed(line: string): BuildStep | null {
    this.output.push(line);
    if (this.output.length > 200) this.output.shift();
    const step = LEGACY_STEP.exec(line) ?? BUILDKIT_STEP.exec(line);
    if (step) {
      const key = `${step[1]}/${step[2]} ${step[3]}`;
      if (this.seen.has(key)) return null;
      this.seen.add(key);
      this.lastStep = { index: Number(step[1]), total: Number(step[2]), text: step[3], line: this.locator.locate(step[3]) };
      return this.lastStep;
    }
    const location = this.locationLine.exec(line.trim()) ?? BUILDKIT_MARKER.exec(line);
    if (location && this.reportedLine === null) this.reportedLine = Number(location[1]);
    return null;
  }

  /** What failed, from the output so far. */
  failure(exitCode: number | null): BuildFailure {
    const meaningful = this.output.map((l) => l.trim()).filter((l) => l && !/^DEPRECATED|Install the buildx|docs\.docker\.com\/go\/buildx/.test(l));
    const message =
      [...meaningful].reverse().find((l) => FAILURE_LINE.test(l) && !LEGACY_STEP.test(l) && !BUILDKIT_STEP.test(l)) ?? meaningful[meaningful.length - 1] ?? `docker build exited with code ${exitCode}`;
    return { message, line: this.reportedLine ?? this.lastStep?.line ?? null, step: this.lastStep?.text ?? null };
  }
}

export async function buildImage(options: BuildOptions): Promise<BuildResult> {
  const started = Date.now();
  const tag = assertImageReference(options.tag);
  const dockerfile = resolve(options.dockerfile);
  const context = resolve(options.context ?? dirname(dockerfile));
  assertNotOption(dockerfile, 'Dockerfile path');
  assertNotOption(context, 'build context');
  if (options.target !== undefined) assertNotOption(options.target, 'build target');
  const labelArgs = Object.entries(options.labels ?? {}).map(([k, v]) => `--label=${assertLabel(k, v)}`);
  const buildArgs = Object.entries(options.buildArgs ?? {}).map(([k, v]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) throw new InputError(`The build argument name ${JSON.stringify(k)} is not valid.`);
    return `--build-arg=${k}=${v}`;
  });
  const text = readFileSync(dockerfile, 'utf8');
  throwIfAborted(options.signal);

  const builder = await builderKind(options);
  const reader = new BuildOutputReader(text, basename(dockerfile));
  const onLine = (line: string): void => {
    options.onOutput?.(line);
    const step = reader.feed(line);
    if (step) options.onStep?.(step);
  };
  const args = [
    'build',
    ...(builder === 'buildkit' ? ['--progress=plain'] : ['--force-rm']),
    `--file=${dockerfile}`,
    `--tag=${tag}`,
    ...labelArgs,
    ...buildArgs,
    ...(options.target !== undefined ? [`--target=${options.target}`] : []),
    '--',
    context,
  ];
  const result = await runDocker(args, { ...options, onStdout: onLine, onStderr: onLine, env: { ...process.env, BUILDKIT_PROGRESS: 'plain' } });
  const durationMs = Date.now() - started;
  if (result.code === 0) {
    const imageId = await docker(['image', 'inspect', '--format={{.Id}}', '--', tag], options).catch(() => null);
    return { ok: true, tag, imageId, durationMs, builder, failure: null, output: reader.output };
  }
  return { ok: false, tag, imageId: null, durationMs, builder, failure: reader.failure(result.code), output: reader.output };
}
