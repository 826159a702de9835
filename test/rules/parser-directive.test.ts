import { parserDirective } from '../../server/src/rules/dockerfile/parser-directive';
import { ruleTable } from '../rule-table';

ruleTable(parserDirective, {
  valid: [
    '# syntax=docker/dockerfile:1\nFROM alpine:3.20\n',
    '# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=JSONArgsRecommended\nFROM alpine:3.20\n',
    { name: 'other key=value comments are ordinary comments', code: '# Copyright=ACME\nFROM alpine:3.20\n# version=1.2\n' },
    '\ufeff# syntax=docker/dockerfile:1\nFROM alpine:3.20\n',
  ],
  invalid: [
    {
      name: 'three of a name: the fix removes both repeats (removing one would make the next the second)',
      code: '# escape=\\\n# escape=`\n# escape=\\\nFROM alpine:3.20\n',
      findings: [
        { line: 2, column: 1, endLine: 2, endColumn: 11, severity: 'error', message: 'A second escape directive: BuildKit stops with "only one escape parser directive can be used"' },
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 11,
          message: '"# escape=\\" is an ordinary comment, not a directive: parser directives must come before any comment, blank line or instruction (line 2 is a comment)',
        },
      ],
      fixTitles: ['Remove the 2 repeated escape directives'],
    },
    {
      name: 'indented, right after a directive of the same name: already set (not "must start with #")',
      code: '# syntax=docker/dockerfile:1\n  # syntax=docker/dockerfile:1.7\nFROM alpine:3.20\n',
      findings: [
        {
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 33,
          message: '"# syntax=docker/dockerfile:1.7" is an ordinary comment, not a directive: a syntax directive is already set on line 1',
        },
      ],
      fixTitles: [],
    },
    {
      name: 'non-canonical spelling',
      code: '#Syntax = docker/dockerfile:1.7\nFROM alpine:3.20\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 32, severity: 'hint', message: 'Write the syntax directive as "# syntax=docker/dockerfile:1.7"' }],
      output: '# syntax=docker/dockerfile:1.7\nFROM alpine:3.20\n',
    },
    {
      name: 'after a comment: ignored, moved to the top (CRLF kept)',
      code: '# Build the API\r\n# syntax=docker/dockerfile:1\r\nFROM alpine:3.20\r\n',
      findings: [
        {
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 29,
          message:
            '"# syntax=docker/dockerfile:1" is an ordinary comment, not a directive: parser directives must come before any comment, blank line or instruction (line 1 is a comment)',
        },
      ],
      output: '# syntax=docker/dockerfile:1\r\n# Build the API\r\nFROM alpine:3.20\r\n',
    },
    {
      name: 'after an instruction, at the end of the file',
      code: 'FROM alpine:3.20\n# escape=`',
      findings: [
        {
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 11,
          message: '"# escape=`" is an ordinary comment, not a directive: parser directives must come before any comment, blank line or instruction (line 1 is an instruction)',
        },
      ],
      output: '# escape=`\nFROM alpine:3.20',
    },
    {
      name: 'indented directive',
      code: '  # syntax=docker/dockerfile:1\nFROM alpine:3.20\n',
      findings: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 31,
          message: '"# syntax=docker/dockerfile:1" is an ordinary comment, not a directive: a parser directive must start with # at the very beginning of the line',
        },
      ],
      output: '# syntax=docker/dockerfile:1\nFROM alpine:3.20\n',
    },
    {
      name: 'a second one of a name already set: no move',
      code: '# syntax=docker/dockerfile:1\n\n# syntax=docker/dockerfile:1.7\nFROM alpine:3.20\n',
      findings: [
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 31,
          message: '"# syntax=docker/dockerfile:1.7" is an ordinary comment, not a directive: parser directives must come before any comment, blank line or instruction (line 2 is blank)',
        },
      ],
    },
    {
      name: 'duplicate directive',
      code: '# escape=\\\n# escape=`\nFROM alpine:3.20\n',
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 11, severity: 'error', message: 'A second escape directive: BuildKit stops with "only one escape parser directive can be used"' }],
      fixTitles: ['Remove the second escape directive'],
    },
    {
      name: 'invalid escape',
      code: '# escape=/\nFROM alpine:3.20\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 11, severity: 'error', message: 'Invalid escape character "/": BuildKit accepts only \\ or ` and stops the build' }],
    },
  ],
});
