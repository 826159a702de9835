import { labelSchema } from '../../server/src/rules/dockerfile/label-schema';
import { ruleTable } from '../rule-table';

ruleTable(labelSchema, {
  valid: [
    'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/a/b" org.opencontainers.image.created="2024-10-01T12:00:00Z" org.opencontainers.image.licenses="MIT OR Apache-2.0"\n',
    'FROM alpine:3.20\nLABEL org.opencontainers.image.created=$BUILD_DATE\n',
  ],
  invalid: [
    {
      name: 'OCI formats without configuration',
      code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="github.com/a/b" \\\n      org.opencontainers.image.created="yesterday"\n',
      findings: [
        { line: 2, column: 39, endLine: 2, endColumn: 55, message: 'Label "org.opencontainers.image.source" is not a valid URL: "github.com/a/b"' },
        { line: 3, column: 40, endLine: 3, endColumn: 51, message: 'Label "org.opencontainers.image.created" is not an RFC 3339 date-time: "yesterday"' },
      ],
    },
    {
      name: 'schema from .hadolint.yaml',
      code: 'FROM alpine:3.20\nLABEL version="1.2" git-sha="xyz" owner="" team="a"\n',
      files: {".hadolint.yaml":"label-schema:\n  version: semver\n  git-sha: hash\n  owner: email\n  docs: url\nstrict-labels: true\n"},
      findings: [
        { line: 1, column: 1, endLine: 1, endColumn: 17, message: 'The final image lacks the label "docs" required by the label schema' },
        { line: 2, column: 15, endLine: 2, endColumn: 20, message: 'Label "version" is not a semantic version: "1.2"' },
        { line: 2, column: 29, endLine: 2, endColumn: 34, message: 'Label "git-sha" is not a git commit hash: "xyz"' },
        { line: 2, column: 41, endLine: 2, endColumn: 43, message: 'Label "owner" is empty' },
        { line: 2, column: 44, endLine: 2, endColumn: 48, message: 'Label "team" is not in the label schema' },
      ],
    },
  ],
});
