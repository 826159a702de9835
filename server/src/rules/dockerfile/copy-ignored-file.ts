import { defineRule } from '../../engine/rule';
import { appendLinesEdit } from '../../dockerignore/analysis';
import { contextSources, findContextIgnore } from '../../dockerignore/context';

export const copyIgnoredFile = defineRule({
  id: 'copy-ignored-file',
  aliases: ['CopyIgnoredFile'],
  severity: 'error',
  kinds: ['dockerfile'],
  fixable: true,
  docs: {
    summary: 'COPY or ADD names a file or folder of the build context that the .dockerignore excludes.',
    why:
      'Excluded paths are never sent to the builder, so the instruction cannot find them and the build fails with "not found". Usually the .dockerignore grew a broad pattern (`*.md`, `config`) after the COPY was written.',
    bad: '# .dockerignore\nsrc/generated\n*.md\n\n# Dockerfile\nFROM node:22-slim\nCOPY README.md /app/\n',
    good: '# .dockerignore\nsrc/generated\n*.md\n!README.md\n\n# Dockerfile\nFROM node:22-slim\nCOPY README.md /app/\n',
    notes:
      'BuildKit\'s CopyIgnoredFile check (experimental there, and a warning); here an error, because the build breaks. The .dockerignore is the one Docker uses for a build whose context is the Dockerfile\'s folder: `<Dockerfile name>.dockerignore` first, then `.dockerignore`. Sources with wildcards or variables, `--from` copies, URLs and heredocs are skipped, as is a folder that a `!` line may partly re-include. The fix (not applied by `--fix`: the COPY may be what is wrong) appends a `!` line re-including the path (none for a name starting or ending with white space, which Docker trims from patterns).',
  },
  check({ model, report, files, path }) {
    const ignore = findContextIgnore(files, path);
    if (!ignore) return;
    const { matcher, validPatterns } = ignore.model;
    for (const source of contextSources(model)) {
      if (source.path === null || source.path === '.') continue;
      const last = matcher.lastMatch(source.path);
      if (last < 0 || matcher.specs[last].negated) continue;
      if (matcher.mayReinclude(source.path, last)) continue;
      const by = validPatterns[last];
      // Docker trims the white space around a pattern (Unicode's too), so a path that starts or ends with some cannot be re-included.
      const reincludable = source.path.trim() === source.path;
      report({
        range: source.word.range,
        message: `${source.instruction.keyword} source "${source.value}" is excluded by ${ignore.path} (line ${by.line + 1}: "${by.text}"), so the build cannot find it`,
        fixes: reincludable
          ? [
              {
                title: `Re-include ${source.path} in ${ignore.path}`,
                edits: [],
                externalEdits: [{ path: ignore.path, edits: [appendLinesEdit(ignore.model.index, [`!${source.path}`])] }],
              },
            ]
          : [],
      });
    }
  },
});
