import { composeObsoleteVersion } from '../../server/src/rules/compose/compose-obsolete-version';
import { ruleTable } from '../rule-table';

ruleTable(composeObsoleteVersion, {
  valid: ['services:\n  web:\n    image: nginx:1.27\n    environment:\n      version: "2"\n'],
  invalid: [
    {
      name: 'a second document after ---: no fix (without the line, the second document would become the first)',
      code: 'version: "3"\n---\nversion: "3.8"\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 13, message: 'version: is obsolete: docker compose ignores it and warns' }],
      fixTitles: [],
    },
    {
      name: 'version: repeated (a YAML error): no fix',
      code: 'version: "3"\nversion: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 13, message: 'version: is obsolete: docker compose ignores it and warns' }],
      fixTitles: [],
    },
    {
      code: 'version: "3.8"\n\nservices:\n  web:\n    image: nginx:1.27\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 15, message: 'version: is obsolete: docker compose ignores it and warns' }],
      output: 'services:\n  web:\n    image: nginx:1.27\n',
    },
    {
      name: 'comments stay',
      code: '# the stack\nversion: \'3\' # old\nservices:\n  web:\n    image: nginx:1.27\n',
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 13, message: 'version: is obsolete: docker compose ignores it and warns' }],
      output: '# the stack\nservices:\n  web:\n    image: nginx:1.27\n',
    },
  ],
});
