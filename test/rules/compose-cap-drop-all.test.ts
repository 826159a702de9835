import { composeCapDropAll } from '../../server/src/rules/compose/compose-cap-drop-all';
import { ruleTable } from '../rule-table';

ruleTable(composeCapDropAll, {
  valid: [
    'services:\n  api:\n    image: example/api:2.3\n    cap_drop: [ALL]\n',
    'services:\n  api:\n    image: example/api:2.3\n    cap_drop:\n      - all\n',
    { name: 'an override file\'s partial service', path: 'compose.override.yaml', code: 'services:\n  api:\n    ports: ["127.0.0.1:8080:8080"]\n' },
    'services:\n  api:\n    extends: { file: common.yaml, service: api }\n',
    'services:\n  dind:\n    image: docker:27-dind\n    privileged: true\n',
  ],
  invalid: [
    {
      name: 'added at the end of each service, keeping the indentation',
      code: 'services:\n  api:\n    image: example/api:2.3\n    ports:\n      - "127.0.0.1:8080:8080" # web\n  worker:\n    image: example/worker:2.3\n',
      findings: [
        { line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service "api" keeps the default capabilities: add cap_drop: [ALL]' },
        { line: 6, column: 3, endLine: 6, endColumn: 9, message: 'Service "worker" keeps the default capabilities: add cap_drop: [ALL]' },
      ],
      output: 'services:\n  api:\n    image: example/api:2.3\n    ports:\n      - "127.0.0.1:8080:8080" # web\n    cap_drop: [ALL]\n  worker:\n    image: example/worker:2.3\n    cap_drop: [ALL]\n',
    },
    {
      name: 'appended to a block list',
      code: 'services:\n    api:\n        image: example/api:2.3\n        cap_drop:\n          - NET_RAW\n',
      findings: [{ line: 4, column: 9, endLine: 4, endColumn: 17, message: 'cap_drop of service "api" does not drop ALL' }],
      output: 'services:\n    api:\n        image: example/api:2.3\n        cap_drop:\n          - NET_RAW\n          - ALL\n',
    },
    {
      name: 'appended to a flow list in its quoting',
      code: 'services:\n  api:\n    image: example/api:2.3\n    cap_drop: ["NET_RAW"]\n',
      findings: [{ line: 4, column: 5, endLine: 4, endColumn: 13, message: 'cap_drop of service "api" does not drop ALL' }],
      output: 'services:\n  api:\n    image: example/api:2.3\n    cap_drop: ["NET_RAW", "ALL"]\n',
    },
  ],
});
