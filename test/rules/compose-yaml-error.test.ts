import { composeYamlError } from '../../server/src/rules/compose/compose-yaml-error';
import { ruleTable } from '../rule-table';

ruleTable(composeYamlError, {
  valid: ['services:\n  web:\n    image: nginx:1.27\n', '', '# nothing yet\n'],
  invalid: [
    {
      name: 'a wrongly indented key: the finding is on the key, not on the white space or comment lines before it',
      code: 'services:\n  web:\n    image: nginx:1.27\n  # ports\n   ports: []\n',
      findings: [{ line: 5, column: 4, endLine: 5, endColumn: 9, message: 'All mapping items must start at the same column' }],
    },
    {
      name: 'one finding for the bad line',
      code: 'services:\n  web:\n    image: nginx:1.27\n     ports: ["8080:80"]\n',
      findings: [{ line: 3, column: 12, endLine: 3, endColumn: 22, message: 'Nested mappings are not allowed in compact mappings' }],
    },
    {
      name: 'duplicate keys',
      code: 'services:\n  web:\n    image: nginx:1.27\n    image: nginx:1.26\n',
      findings: [{ line: 4, column: 5, endLine: 4, endColumn: 10, message: 'Map keys must be unique' }],
    },
  ],
});
