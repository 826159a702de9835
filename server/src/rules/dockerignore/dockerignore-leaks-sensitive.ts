import { defineRule } from '../../engine/rule';
import type { FileAccess, Fix } from '../../engine/types';
import { appendLinesEdit, removeLineEdit } from '../../dockerignore/analysis';
import { composeSecretFiles } from '../../dockerignore/compose-builds';
import type { DockerignoreModel, IgnorePattern } from '../../dockerignore/model';
import { PatternMatcher } from '../../dockerignore/patterns';

interface Sensitive {
  /** What the message calls it. */
  label: string;
  /** Paths of the build context that stand for it (for `anywhere` items: at the root first, then deeper ones). */
  probes: string[];
  /** Lines that exclude it. */
  lines: string[];
  /** Only checked when a neighbouring file says the project uses it. */
  onlyWith?: string;
  /** Found in any folder, so a pattern that matches only at the context root is not enough. */
  anywhere?: true;
}

const SENSITIVE: Sensitive[] = [
  { label: '.git', probes: ['.git/config'], lines: ['.git'] },
  { label: '.env', probes: ['.env'], lines: ['.env'] },
  { label: '.env.*', probes: ['.env.local', '.env.production'], lines: ['.env.*'] },
  { label: '*.pem', probes: ['key.pem', 'certs/key.pem'], lines: ['**/*.pem'], anywhere: true },
  { label: '*.key', probes: ['server.key', 'certs/server.key'], lines: ['**/*.key'], anywhere: true },
  { label: 'id_rsa*', probes: ['id_rsa', '.ssh/id_rsa'], lines: ['**/id_rsa*'], anywhere: true },
  { label: 'node_modules', probes: ['node_modules/package/index.js'], lines: ['node_modules'], onlyWith: 'package.json' },
];

/** Files that compose secrets next to the .dockerignore keep in the context: the `secrets/` folder, or the files by name. */
function composeSecrets(files: FileAccess | undefined): Sensitive[] {
  if (!files) return [];
  const paths = composeSecretFiles(files);
  const out: Sensitive[] = [];
  const inFolder = paths.filter((path) => path.startsWith('secrets/'));
  if (inFolder.length > 0) out.push({ label: 'secrets/', probes: inFolder, lines: ['secrets/'] });
  for (const path of paths) if (!path.startsWith('secrets/')) out.push({ label: path, probes: [path], lines: [path] });
  return out;
}

/** Kept in the context when the fix adds `.env.*`: examples carry no secrets and apps often copy them. */
const ENV_EXAMPLES = ['.env.example', '.env.sample', '.env.template'];

export const dockerignoreLeaksSensitive = defineRule({
  id: 'dockerignore-leaks-sensitive',
  aliases: [],
  severity: 'warning',
  kinds: ['dockerignore'],
  fixable: true,
  docs: {
    summary: 'The .dockerignore lets .git, .env files, private keys, compose secrets or node_modules into the build context.',
    why:
      'Everything the .dockerignore does not exclude is sent to the builder, and `COPY . .` puts it in a layer of the image: a `.env` with credentials, a TLS or SSH private key, the whole `.git` history (with every secret ever committed). Anyone who can pull the image can read them, even when a later step deletes the files. Host `node_modules` also overrides the dependencies the build installs for the image\'s platform.',
    bad: '# .dockerignore\ndist\n*.log\n',
    good: '# .dockerignore\ndist\n*.log\n.git\n.env\n.env.*\n!.env.example\n**/*.pem\n**/*.key\n**/id_rsa*\n',
    notes:
      'A warning, not an error: the files only reach the image when a COPY or ADD takes them (`COPY . .`, `COPY src/ .`), and a Dockerfile that copies named files is safe; but one `COPY . .` added later leaks them. Paths are checked with Docker\'s own matching, so `*.pem` (which only matches at the context root) does not count for keys in subfolders, and a `!` line that re-includes a sensitive path is reported on that line (its fix removes the line; `--fix` leaves it, since it was written on purpose). `node_modules` is checked only when a package.json sits next to the .dockerignore. Compose secrets are checked when a compose file with a default name (`compose.yaml`, `docker-compose.yml`…) sits next to the .dockerignore: the files its top-level `secrets:` keep in the folder (`file: ./secrets/db.txt`) must be excluded, by `secrets/` for those in that folder. The fix appends the missing lines (with `!.env.example` when `.env.*` is added and the example was included before).',
  },
  check({ model, report, files }) {
    const reinclusions = new Map<IgnorePattern, string[]>();
    const missing: string[] = [];
    const labels: string[] = [];
    for (const item of [...SENSITIVE, ...composeSecrets(files)]) {
      if (item.onlyWith && files?.readFile(item.onlyWith) === undefined) continue;
      const leaking: string[] = [];
      for (const probe of item.probes) {
        const last = model.matcher.lastMatch(probe);
        if (last >= 0 && !model.matcher.specs[last].negated) continue;
        if (last >= 0) {
          const line = model.validPatterns[last];
          const list = reinclusions.get(line) ?? [];
          if (!list.includes(item.label)) list.push(item.label);
          reinclusions.set(line, list);
        } else {
          leaking.push(probe);
        }
      }
      if (leaking.length === 0) continue;
      // `*.pem` matches at the context root only: say so, rather than "not excluded".
      const rootOnly = item.anywhere === true && !leaking.includes(item.probes[0]) && model.matcher.excludes(item.probes[0]);
      labels.push(rootOnly ? `${item.label} (excluded only at the context root: use ${item.lines.join(', ')})` : item.label);
      missing.push(...item.lines);
    }
    if (missing.length > 0) {
      const first = model.index.lineText(0);
      report({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: first.length } },
        message: `Sensitive files are not excluded from the build context: ${labels.join(', ')}`,
        fixes: [appendFix(model, missing)],
      });
    }
    for (const [line, items] of reinclusions) {
      report({
        range: line.range,
        message: `"${line.text}" lets ${items.join(', ')} back into the build context`,
        fixes: [{ title: `Remove "${line.text}"`, edits: [removeLineEdit(model.index, line.line)] }],
      });
    }
  },
});

function appendFix(model: DockerignoreModel, missing: string[]): Fix {
  const lines = [...missing];
  if (lines.includes('.env.*')) {
    // Example files stay where they were: `.env.example` always, others when the file names them.
    const after = new PatternMatcher([...model.matcher.specs, ...lines.map((pattern) => ({ pattern, negated: false }))]);
    for (const example of ENV_EXAMPLES) {
      const named = example === '.env.example' || model.validPatterns.some((p) => p.pattern === example);
      if (named && !model.matcher.excludes(example) && after.excludes(example)) lines.push(`!${example}`);
    }
  }
  return { title: `Exclude ${missing.join(', ')} in .dockerignore`, isPreferred: true, edits: [appendLinesEdit(model.index, lines)] };
}
