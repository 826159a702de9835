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
    {
      name: 'an unclosed double quote: at the opening quote, not where the file ends',
      code: 'services:\n  web:\n    build: .\n    ports:\n      - "8080:80"\n    environment:\n      MODE: production\n    image: "nginx:1.27\n    restart: always\n  db:\n    image: postgres:16\n',
      findings: [{ line: 8, column: 12, endLine: 8, endColumn: 23, message: 'Missing closing "quote' }],
    },
    {
      name: 'an unclosed single quote in a flow sequence, trailing blanks left out; the sequence is unclosed too',
      code: "services:\n  web:\n    command: ['nginx', '-g  \n    image: nginx:1.27\n",
      findings: [
        { line: 3, column: 24, endLine: 3, endColumn: 27, message: "Missing closing 'quote" },
        { line: 5, column: 1, endLine: 5, endColumn: 1, message: 'Flow sequence in block collection must be sufficiently indented and end with a ]' },
      ],
    },
    {
      name: 'a string closed by the wrong quote, cut short at the end of its line',
      code: 'services:\n  web:\n    image: "nginx:1.27\'\n    ports: ["8080:80"]\n',
      findings: [{ line: 3, column: 12, endLine: 3, endColumn: 24, message: 'Missing closing "quote' }],
    },
  ],
});
