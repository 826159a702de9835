import { dockerignoreDuplicatePattern } from '../../server/src/rules/dockerignore/dockerignore-duplicate-pattern';
import { ruleTable } from '../rule-table';

ruleTable(dockerignoreDuplicatePattern, {
  valid: [
    'node_modules\n.git\n',
    { name: 'excluded again after a ! line', code: '*.md\n!README.md\nREADME.md\n' },
    { name: 'same pattern, other kind', code: 'logs\n!logs\n' },
    { name: 'comments repeat freely', code: '# a\n# a\nx\n' },
  ],
  invalid: [
    {
      code: 'node_modules\n.git\nnode_modules\n',
      findings: [{ line: 3, column: 1, endLine: 3, endColumn: 13, message: '"node_modules" repeats line 1', severity: 'hint' }],
      output: 'node_modules\n.git\n',
    },
    {
      name: 'written differently, last line without a break',
      code: 'dist/\r\n.git\r\n/dist',
      findings: [{ line: 3, column: 1, endLine: 3, endColumn: 6, message: '"/dist" repeats line 1', severity: 'hint' }],
      output: 'dist/\r\n.git',
    },
    {
      name: 'a ! line between that does not touch it',
      code: '.env\n!docs/keep.md\n  .env  \n',
      findings: [{ line: 3, column: 3, endLine: 3, endColumn: 7, message: '".env" repeats line 1', severity: 'hint' }],
      output: '.env\n!docs/keep.md\n',
    },
    {
      name: 'three times',
      code: 'a\na\na\n',
      findings: [
        { line: 2, column: 1, endLine: 2, endColumn: 2, message: '"a" repeats line 1', severity: 'hint' },
        { line: 3, column: 1, endLine: 3, endColumn: 2, message: '"a" repeats line 2', severity: 'hint' },
      ],
      // Removing only line 2 would make line 3 repeat line 1 in its place.
      fixTitles: ['Remove the 2 repeated lines'],
      output: 'a\n',
    },
    {
      name: 'three times, the last line without a break',
      code: 'b\na\na\na',
      findings: [
        { line: 3, column: 1, endLine: 3, endColumn: 2, message: '"a" repeats line 2', severity: 'hint' },
        { line: 4, column: 1, endLine: 4, endColumn: 2, message: '"a" repeats line 3', severity: 'hint' },
      ],
      fixTitles: ['Remove the 2 repeated lines'],
      output: 'b\na',
    },
  ],
});
