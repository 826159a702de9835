import { composeCapDropAll } from '../../server/src/rules/compose/compose-cap-drop-all';
import { ruleTable } from '../rule-table';
import { withQuickFixesPreferred } from './quick-fix';

ruleTable(composeCapDropAll, {
  valid: [
    'services:\n  api:\n    image: example/api:2.3\n    cap_drop: [ALL]\n',
    'services:\n  api:\n    image: example/api:2.3\n    cap_drop:\n      - all\n',
    { name: 'an override file\'s partial service', path: 'compose.override.yaml', code: 'services:\n  api:\n    ports: ["127.0.0.1:8080:8080"]\n' },
    'services:\n  api:\n    extends: { file: common.yaml, service: api }\n',
    'services:\n  dind:\n    image: docker:27-dind\n    privileged: true\n',
    { name: 'ALL as the default of a variable', code: 'services:\n  api:\n    image: example/api:2.3\n    cap_drop: ["${DROPPED_CAPS:-ALL}"]\n' },
  ],
  invalid: [
    {
      name: 'a YAML error in the service: no fix (where a new line lands in broken YAML is a guess)',
      code: 'services:\n  web:\n    image: nginx:1.27\n     ports: ["8080:80"]\n',
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service "web" keeps the default capabilities: add cap_drop: [ALL]' }],
      fixTitles: [],
    },
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
      name: 'an official database image: the fix that gives capabilities back is only offered',
      code: 'services:\n  db:\n    image: postgres:16.4\n    volumes: [pgdata:/var/lib/postgresql/data]\n  cache:\n    image: redis:7.4\n    user: "999:999"\nvolumes:\n  pgdata:\n',
      findings: [
        { line: 2, column: 3, endLine: 2, endColumn: 5, message: 'Service "db" keeps the default capabilities: add cap_drop: [ALL]' },
        { line: 5, column: 3, endLine: 5, endColumn: 8, message: 'Service "cache" keeps the default capabilities: add cap_drop: [ALL]' },
      ],
      fixTitles: ['Drop all capabilities, give back those the entrypoint needs'],
      output: 'services:\n  db:\n    image: postgres:16.4\n    volumes: [pgdata:/var/lib/postgresql/data]\n  cache:\n    image: redis:7.4\n    user: "999:999"\n    cap_drop: [ALL]\nvolumes:\n  pgdata:\n',
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
    {
      name: 'a flow-style service: appended inside its braces',
      code: 'services:\n  web: {image: example/web:1.0, ports: ["127.0.0.1:8080:80"]}\n',
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service "web" keeps the default capabilities: add cap_drop: [ALL]' }],
      output: 'services:\n  web: {image: example/web:1.0, ports: ["127.0.0.1:8080:80"], cap_drop: [ALL]}\n',
    },
  ],
});

// The quick fix for an image whose entrypoint steps down, as the editor applies it.
ruleTable(withQuickFixesPreferred(composeCapDropAll), {
  valid: [],
  invalid: [
    {
      name: 'quick fix: cap_drop ALL with the capabilities the entrypoint needs',
      code: 'services:\n  db:\n    image: docker.io/library/mariadb:11.4\n',
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 5, message: 'Service "db" keeps the default capabilities: add cap_drop: [ALL]' }],
      output: 'services:\n  db:\n    image: docker.io/library/mariadb:11.4\n    cap_drop: [ALL]\n    cap_add: [CHOWN, DAC_OVERRIDE, FOWNER, SETGID, SETUID]\n',
    },
  ],
});
