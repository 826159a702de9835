/**
 * The .dockerignore Shipshape creates for a build context: secrets, version control and editor
 * files, plus what fits the projects it sees, never a line that would exclude a file a Dockerfile
 * copies by name.
 */
import type { DockerfileModel } from '../dockerfile/model';
import type { FileCreation } from '../engine/types';
import { contextSources } from './context';
import { mayOverlap, PatternMatcher, readPatternLine } from './patterns';

export type TemplateSection = [title: string, lines: string[]];

export interface TemplateInput {
  /** The Dockerfiles built from the context (their images, RUN scripts and COPY sources decide the sections). */
  dockerfiles: readonly DockerfileModel[];
  /** Whether a file exists at the context root (`composer.json`); absent when files cannot be read. */
  hasFile?: (name: string) => boolean;
  /** Sections to add after the project's own (compose secrets). */
  extra?: readonly TemplateSection[];
  eol: string;
}

const NODE_IMAGE = /(^|\/)(node|bun|deno)$/;
const PYTHON_IMAGE = /(^|\/)(python|pypy)$/;
/** `composer install` (or update, after options) run by the build, also as `php composer.phar install`. */
const COMPOSER_INSTALL = /\bcomposer(\.phar)?\s+(-\S+\s+)*(install|update)\b/;

function scripts(model: DockerfileModel): string {
  return model.instructions.map((i) => i.script?.text ?? i.args.map((a) => a.value).join(' ')).join('\n');
}

function runScripts(model: DockerfileModel): string {
  return model.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.script?.text ?? '').join('\n');
}

/** The .dockerignore text for a context. */
export function dockerignoreTemplate(input: TemplateInput): string {
  const images = input.dockerfiles.flatMap((model) => model.stages.map((stage) => stage.image?.repository ?? ''));
  const text = input.dockerfiles.map(scripts).join('\n');
  const sources = input.dockerfiles.flatMap((model) => contextSources(model));
  const named = sources.map((s) => s.value);
  const node = images.some((i) => NODE_IMAGE.test(i)) || /\b(npm|npx|yarn|pnpm|bun)\b/.test(text) || named.some((v) => /package(-lock)?\.json|yarn\.lock|pnpm-lock/.test(v));
  const python = images.some((i) => PYTHON_IMAGE.test(i)) || /\b(pip3?|poetry|uv|pipenv)\b/.test(text) || named.some((v) => /requirements.*\.txt|pyproject\.toml|Pipfile/.test(v));
  // vendor/ is rebuilt only when the build runs Composer; Go projects (and PHP ones that commit
  // vendor/ and never run Composer) need the folder in the context.
  const composerProject = input.hasFile?.('composer.json') === true || named.some((v) => /composer\.(json|lock)$/.test(v));
  const php = composerProject && input.dockerfiles.some((model) => COMPOSER_INSTALL.test(runScripts(model)));
  const sections: TemplateSection[] = [['Secrets and version control', ['.git', '.env', '.env.*', '!.env.example', '**/*.pem', '**/*.key', '**/id_rsa*']]];
  if (node) sections.push(['Node', ['node_modules', 'npm-debug.log*', 'yarn-debug.log*', 'yarn-error.log*', 'coverage']]);
  if (python) sections.push(['Python', ['**/__pycache__', '**/*.py[cod]', '.venv', '.pytest_cache', '.mypy_cache']]);
  if (php) sections.push(['PHP', ['vendor/']]);
  sections.push(...(input.extra ?? []));
  sections.push(['Editors, OS and logs', ['.idea', '.vscode', '.DS_Store', '*.log']]);
  // Compose files by their exact names: `compose*` would take composer.json and composer.lock too.
  sections.push(['Build files', ['Dockerfile*', '*.Dockerfile', '*.dockerignore', 'compose.y*ml', 'compose.*.y*ml', 'docker-compose*.y*ml']]);

  const copied = sources.map((s) => s.path).filter((p): p is string => p !== null && p !== '.');
  const kept = withoutCopiedFiles(sections, copied);
  return kept
    .filter(([, lines]) => lines.length > 0)
    .map(([title, lines]) => [`# ${title}`, ...lines].join(input.eol))
    .join(input.eol + input.eol) + input.eol;
}

/** Leaves out lines that would exclude a file copied by name, then `!` lines with nothing left to re-include. */
function withoutCopiedFiles(sections: readonly TemplateSection[], copied: readonly string[]): TemplateSection[] {
  const kept: TemplateSection[] = sections.map(([title, lines]) => [title, [...lines]]);
  for (const [, lines] of kept) {
    for (let i = lines.length - 1; i >= 0; i--) {
      const spec = readPatternLine(lines[i]);
      if (!spec || spec.negated) continue;
      const matcher = new PatternMatcher(kept.flatMap(([, l]) => l).map((line) => readPatternLine(line)!));
      const single = new PatternMatcher([spec]);
      if (copied.some((path) => matcher.excludes(path) && single.excludes(path))) lines.splice(i, 1);
    }
  }
  for (const [, lines] of kept) {
    for (let i = lines.length - 1; i >= 0; i--) {
      const spec = readPatternLine(lines[i]);
      if (!spec?.negated) continue;
      const all = kept.flatMap(([, l]) => l);
      const earlier = all.slice(0, all.indexOf(lines[i])).map((line) => readPatternLine(line)!);
      if (!earlier.some((e) => !e.negated && mayOverlap(e.pattern, spec.pattern))) lines.splice(i, 1);
    }
  }
  return kept;
}

/** A file to create whose text is computed on first read (and then kept): lints run on every keystroke, fixes rarely. */
export function lazyFile(path: string, compute: () => string): FileCreation {
  let text: string | undefined;
  return {
    path,
    get text() {
      return (text ??= compute());
    },
  };
}
