import { copyIgnoredFile } from '../../server/src/rules/dockerfile/copy-ignored-file';
import { ruleTable } from '../rule-table';

const IGNORE = '.git\n*.md\nsrc/generated\nconfig\n!config/public\n';

ruleTable(copyIgnoredFile, {
  valid: [
    { name: 'nothing excluded is copied', code: 'FROM alpine\nCOPY src/main.go go.mod /app/\n', files: { '.dockerignore': IGNORE } },
    { name: 'no .dockerignore', code: 'FROM alpine\nCOPY README.md /app/\n', files: {} },
    { name: 'no file access', code: 'FROM alpine\nCOPY README.md /app/\n' },
    { name: 'COPY --from reads another stage', code: 'FROM alpine AS b\nFROM alpine\nCOPY --from=b README.md /app/\n', files: { '.dockerignore': IGNORE } },
    { name: 'wildcards and variables are skipped', code: 'FROM alpine\nCOPY *.md $DOCS /app/\n', files: { '.dockerignore': IGNORE } },
    { name: 'a folder a later ! line partly re-includes', code: 'FROM alpine\nCOPY config /app/config\n', files: { '.dockerignore': IGNORE } },
    { name: 're-included', code: 'FROM alpine\nCOPY README.md /app/\n', files: { '.dockerignore': '*.md\n!README.md\n' } },
    { name: 'URLs', code: 'FROM alpine\nADD https://example.com/a.md /app/\n', files: { '.dockerignore': IGNORE } },
    {
      name: 'the Dockerfile-specific ignore file wins',
      code: 'FROM alpine\nCOPY README.md /app/\n',
      path: '/p/web.Dockerfile',
      files: { 'web.Dockerfile.dockerignore': '.git\n', '.dockerignore': '*.md\n' },
    },
  ],
  invalid: [
    {
      code: 'FROM alpine\nCOPY README.md src/main.go /app/\n',
      files: { '.dockerignore': IGNORE },
      findings: [{ line: 2, column: 6, endLine: 2, endColumn: 15, message: 'COPY source "README.md" is excluded by .dockerignore (line 2: "*.md"), so the build cannot find it', severity: 'error' }],
      fixTitles: ['Re-include README.md in .dockerignore'],
      // The fix edits the .dockerignore and is not preferred: `--fix` leaves both files alone.
      output: 'FROM alpine\nCOPY README.md src/main.go /app/\n',
    },
    {
      name: 'inside an excluded folder, exec form, leading ./',
      code: 'FROM alpine\nADD ["./src/generated/api.go", "/app/"]\n',
      files: { '.dockerignore': IGNORE },
      findings: [{ line: 2, column: 6, endLine: 2, endColumn: 30, message: 'ADD source "./src/generated/api.go" is excluded by .dockerignore (line 3: "src/generated"), so the build cannot find it', severity: 'error' }],
    },
    {
      name: 'the Dockerfile-specific ignore file',
      code: 'FROM alpine\nCOPY docs /app/docs\n',
      path: '/p/web.Dockerfile',
      files: { 'web.Dockerfile.dockerignore': 'docs/\n', '.dockerignore': '' },
      findings: [{ line: 2, column: 6, endLine: 2, endColumn: 10, message: 'COPY source "docs" is excluded by web.Dockerfile.dockerignore (line 1: "docs/"), so the build cannot find it', severity: 'error' }],
    },
    {
      name: 'a name ending in Unicode white space (U+2028): no fix, Docker trims it from a pattern',
      code: 'FROM alpine\nCOPY a\u2028 /app/\n',
      files: { '.dockerignore': '*\n' },
      findings: [{ line: 2, column: 6, endLine: 2, endColumn: 8, message: 'COPY source "a\u2028" is excluded by .dockerignore (line 1: "*"), so the build cannot find it', severity: 'error' }],
      fixTitles: [],
    },
  ],
});
