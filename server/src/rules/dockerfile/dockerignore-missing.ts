import { defineRule } from '../../engine/rule';
import type { DockerfileModel } from '../../dockerfile/model';
import { contextSources, findContextIgnore, type CopySource } from '../../dockerignore/context';
import { mayOverlap, PatternMatcher, readPatternLine } from '../../dockerignore/patterns';

export const dockerignoreMissing = defineRule({
  id: 'dockerignore-missing',
  aliases: [],
  severity: 'warning',
  kinds: ['dockerfile'],
  fixable: true,
  docs: {
    summary: 'The Dockerfile copies the whole build context (`COPY . .`) and there is no .dockerignore.',
    why:
      'Without a .dockerignore, `COPY . .` puts everything in the folder into the image: `.git` with its history, `.env` files with credentials, private keys, host `node_modules` built for another platform, logs and editor files. The secrets stay readable in the layer even if a later RUN deletes them, and the extra files slow every build and bust the cache.',
    bad: '# Dockerfile (no .dockerignore next to it)\nFROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n',
    good: '# .dockerignore\n.git\n.env\n.env.*\n!.env.example\n**/*.pem\n**/*.key\n**/id_rsa*\nnode_modules\n',
    notes:
      'The build context is taken to be the Dockerfile\'s folder; `<Dockerfile name>.dockerignore` (which Docker prefers) and `.dockerignore` both count. Only reported when the files around the Dockerfile can be read (not for unsaved text). The fix creates a .dockerignore next to the Dockerfile with secrets, VCS and editor files, plus what fits the project it sees (Node: `node_modules` and npm logs; Python: caches and `.venv`), leaving out any line that would exclude a file the Dockerfile copies by name.',
  },
  check({ model, report, files, path }) {
    const ignore = findContextIgnore(files, path);
    if (ignore !== null) return;
    const sources = contextSources(model);
    const whole = sources.find((source) => source.path === '.');
    if (!whole) return;
    report({
      range: whole.word.range,
      message: `${whole.instruction.keyword} ${whole.value} copies the whole build context and there is no .dockerignore: .git, .env files and keys can end up in the image`,
      // The file's text is worked out when a fix is taken, not on every keystroke (it costs as much as the rest of the lint).
      fixes: [{ title: 'Create a .dockerignore', isPreferred: true, edits: [], createFiles: [lazyFile('.dockerignore', () => dockerignoreFor(model, sources))] }],
    });
  },
});

/** A file to create whose text is computed on first read (and then kept). */
function lazyFile(path: string, compute: () => string): { path: string; text: string } {
  let text: string | undefined;
  return {
    path,
    get text() {
      return (text ??= compute());
    },
  };
}

const NODE = /(^|\/)(node|bun|deno)$/;
const PYTHON = /(^|\/)(python|pypy)$/;

function scripts(model: DockerfileModel): string {
  return model.instructions.map((i) => i.script?.text ?? i.args.map((a) => a.value).join(' ')).join('\n');
}

/** A .dockerignore fitting what the Dockerfile builds. */
export function dockerignoreFor(model: DockerfileModel, sources: CopySource[]): string {
  const images = model.stages.map((stage) => stage.image?.repository ?? '');
  const text = scripts(model);
  const named = sources.map((s) => s.value);
  const node = images.some((i) => NODE.test(i)) || /\b(npm|npx|yarn|pnpm|bun)\b/.test(text) || named.some((v) => /package(-lock)?\.json|yarn\.lock|pnpm-lock/.test(v));
  const python = images.some((i) => PYTHON.test(i)) || /\b(pip3?|poetry|uv|pipenv)\b/.test(text) || named.some((v) => /requirements.*\.txt|pyproject\.toml|Pipfile/.test(v));
  const sections: [string, string[]][] = [
    ['Secrets and version control', ['.git', '.env', '.env.*', '!.env.example', '**/*.pem', '**/*.key', '**/id_rsa*']],
  ];
  if (node) sections.push(['Node', ['node_modules', 'npm-debug.log*', 'yarn-debug.log*', 'yarn-error.log*', 'coverage']]);
  if (python) sections.push(['Python', ['**/__pycache__', '**/*.py[cod]', '.venv', '.pytest_cache', '.mypy_cache']]);
  sections.push(['Editors, OS and logs', ['.idea', '.vscode', '.DS_Store', '*.log']]);
  sections.push(['Build files', ['Dockerfile*', '*.Dockerfile', '*.dockerignore', 'docker-compose*', 'compose*']]);

  // Leave out lines that would exclude a file the Dockerfile copies by name.
  const copied = sources.map((s) => s.path).filter((p): p is string => p !== null && p !== '.');
  const kept: [string, string[]][] = sections.map(([title, lines]) => [title, [...lines]]);
  for (const [, lines] of kept) {
    for (let i = lines.length - 1; i >= 0; i--) {
      const spec = readPatternLine(lines[i]);
      if (!spec || spec.negated) continue;
      const all = kept.flatMap(([, l]) => l).map((line) => readPatternLine(line)!);
      const matcher = new PatternMatcher(all);
      const single = new PatternMatcher([spec]);
      if (copied.some((path) => matcher.excludes(path) && single.excludes(path))) lines.splice(i, 1);
    }
  }
  // A `!` line with nothing left to re-include goes too.
  for (const [, lines] of kept) {
    for (let i = lines.length - 1; i >= 0; i--) {
      const spec = readPatternLine(lines[i]);
      if (!spec?.negated) continue;
      const before = kept.flatMap(([, l]) => l);
      const earlier = before.slice(0, before.indexOf(lines[i])).map((line) => readPatternLine(line)!);
      if (!earlier.some((e) => !e.negated && mayOverlap(e.pattern, spec.pattern))) lines.splice(i, 1);
    }
  }
  const eol = model.index.eol();
  return kept
    .filter(([, lines]) => lines.length > 0)
    .map(([title, lines]) => [`# ${title}`, ...lines].join(eol))
    .join(eol + eol) + eol;
}
