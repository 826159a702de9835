import { dockerignoreDeadPattern } from '../../server/src/rules/dockerignore/dockerignore-dead-pattern';
import { ruleTable } from '../rule-table';

ruleTable(dockerignoreDeadPattern, {
  valid: [
    '.env*\n!.env.example\nlogs\n',
    { name: 'excluded again after a ! line', code: 'docs\n!docs/public\ndocs/public/drafts\n' },
    { name: 'a folder re-included, then a file inside excluded', code: '*\n!src\nsrc/secret.txt\n' },
    { name: 'wildcards in the same place are assumed to matter', code: '**/*.log\nlogs/*.log\n' },
    { name: 'repeats are left to the duplicate rule', code: 'a\na\n' },
    { name: 'a ! line under a ** pattern', code: '**/node_modules\n!tools/node_modules\n' },
  ],
  invalid: [
    {
      name: 'a dead line repeated: the fix removes the repeat with it (it would take the line\'s place)',
      code: '*\nlogs\nlogs\n',
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 5, message: '"logs" has no effect: line 1 ("*") already excludes it', severity: 'hint' }],
      fixTitles: ['Remove the line and its repeat'],
      output: '*\n',
    },
    {
      name: 'a ! line before the line that excludes it',
      code: '!.env.example\n.env*\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 14, message: '"!.env.example" has no effect: line 2 (".env*") overrides it', severity: 'hint' }],
      output: '.env*\n',
    },
    {
      name: 'a ! line with nothing excluded before it',
      code: 'dist\n!src/main.go\n',
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 13, message: '"!src/main.go" has no effect: no earlier line excludes what it re-includes', severity: 'hint' }],
      output: 'dist\n',
    },
    {
      name: 'a file inside a folder excluded later',
      code: 'logs/app.log\nlogs\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 13, message: '"logs/app.log" has no effect: line 2 ("logs") overrides it', severity: 'hint' }],
      output: 'logs\n',
    },
    {
      name: 'a file inside a folder excluded earlier',
      code: 'build\r\n# outputs\r\nbuild/cache\r\n',
      findings: [{ line: 3, column: 1, endLine: 3, endColumn: 12, message: '"build/cache" has no effect: line 1 ("build") already excludes it', severity: 'hint' }],
      output: 'build\r\n# outputs\r\n',
    },
    {
      name: 'a root-level file under *.log',
      code: '*.log\ndebug.log\n',
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 10, message: '"debug.log" has no effect: line 1 ("*.log") already excludes it', severity: 'hint' }],
      output: '*.log\n',
    },
    {
      name: 'excluded, re-included, excluded: the first two lines do nothing',
      code: 'a\n!a\na\n',
      findings: [
        { line: 1, column: 1, endLine: 1, endColumn: 2, message: '"a" has no effect: line 2 ("!a") overrides it', severity: 'hint' },
        { line: 2, column: 1, endLine: 2, endColumn: 3, message: '"!a" has no effect: line 3 ("a") overrides it', severity: 'hint' },
      ],
      output: 'a\n',
    },
  ],
});
