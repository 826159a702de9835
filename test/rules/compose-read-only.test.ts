import { composeReadOnly } from '../../server/src/rules/compose/compose-read-only';
import { ruleTable } from '../rule-table';

ruleTable(composeReadOnly, {
  valid: ['services:\n  api:\n    image: example/api:2.3\n    read_only: true\n', { name: 'override fragment', code: 'services:\n  api:\n    environment: [DEBUG=1]\n' },
    { name: 'chosen by the environment', code: 'services:\n  web:\n    image: example/web:1.0\n    read_only: ${WEB_READONLY}\n    tmpfs: [/tmp]\n' },
    { name: 'true as the default of a variable', code: 'services:\n  web:\n    image: example/web:1.0\n    read_only: ${WEB_READONLY:-true}\n    tmpfs: [/tmp]\n' },
  ],
  invalid: [
    {
      name: 'a YAML error in the service: no fix',
      code: 'services:\n  web:\n    image: nginx:1.27\n     ports: ["8080:80"]\n',
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 6, message: 'The root file system of service "web" is writable: set read_only: true' }],
      fixTitles: [],
    },
    {
      name: 'added with a tmpfs, or switched to true',
      code: 'services:\n  api:\n    image: example/api:2.3\n    restart: unless-stopped\n\n  db:\n    image: postgres:16\n    tmpfs:\n      - /run\n    read_only: false\n',
      findings: [
        { line: 2, column: 3, endLine: 2, endColumn: 6, message: 'The root file system of service "api" is writable: set read_only: true' },
        { line: 10, column: 5, endLine: 10, endColumn: 21, message: 'The root file system of service "db" is writable: set read_only: true' },
      ],
      output: 'services:\n  api:\n    image: example/api:2.3\n    restart: unless-stopped\n    read_only: true\n    tmpfs: [/tmp]\n\n  db:\n    image: postgres:16\n    tmpfs:\n      - /run\n    read_only: true\n',
    },
    {
      name: 'official images get a tmpfs for the folders they write at start',
      code: 'services:\n  db:\n    image: postgres:16.4\n  web:\n    image: nginx:1.27\n',
      findings: [
        { line: 2, column: 3, endLine: 2, endColumn: 5, message: 'The root file system of service "db" is writable: set read_only: true' },
        { line: 4, column: 3, endLine: 4, endColumn: 6, message: 'The root file system of service "web" is writable: set read_only: true' },
      ],
      output:
        'services:\n  db:\n    image: postgres:16.4\n    read_only: true\n    tmpfs: [/tmp, /var/run/postgresql]\n  web:\n    image: nginx:1.27\n    read_only: true\n    tmpfs: [/tmp, /var/cache/nginx, /var/run]\n',
    },
    {
      name: 'a flow-style service: both entries inside its braces, its spacing kept',
      code: 'services:\n  web: { image: nginx:1.27 }\n',
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 6, message: 'The root file system of service "web" is writable: set read_only: true' }],
      output: 'services:\n  web: { image: nginx:1.27, read_only: true, tmpfs: [/tmp, /var/cache/nginx, /var/run] }\n',
    },
  ],
});
