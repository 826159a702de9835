import { composeNoNewPrivileges } from '../../server/src/rules/compose/compose-no-new-privileges';
import { ruleTable } from '../rule-table';

ruleTable(composeNoNewPrivileges, {
  valid: [
    'services:\n  api:\n    image: example/api:2.3\n    security_opt: ["no-new-privileges:true"]\n',
    'services:\n  api:\n    image: example/api:2.3\n    security_opt:\n      - no-new-privileges\n',
    'services:\n  api:\n    image: example/api:2.3\n    security_opt: [no-new-privileges=true]\n',
    { name: 'true as the default of a variable', code: 'services:\n  api:\n    image: example/api:2.3\n    security_opt: ["no-new-privileges:${NNP:-true}"]\n' },
    { name: 'a value only the environment gives', code: 'services:\n  api:\n    image: example/api:2.3\n    security_opt:\n      - no-new-privileges:${NNP}\n' },
  ],
  invalid: [
    {
      name: 'a YAML error on the service line: no fix',
      code: 'services:\n  web: image: nginx:1.27\n',
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service "web" does not set no-new-privileges:true: setuid binaries can regain root' }],
      fixTitles: [],
    },
    {
      code: 'services:\n  api:\n    image: example/api:2.3\n',
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service "api" does not set no-new-privileges:true: setuid binaries can regain root' }],
      output: 'services:\n  api:\n    image: example/api:2.3\n    security_opt: ["no-new-privileges:true"]\n',
    },
    {
      name: 'appended to a block list with double quotes',
      code: 'services:\n  api:\n    image: example/api:2.3\n    security_opt:\n      - "label=type:container_t"\n    read_only: true\n',
      findings: [{ line: 4, column: 5, endLine: 4, endColumn: 17, message: 'Service "api" does not set no-new-privileges:true: setuid binaries can regain root' }],
      output: 'services:\n  api:\n    image: example/api:2.3\n    security_opt:\n      - "label=type:container_t"\n      - "no-new-privileges:true"\n    read_only: true\n',
    },
    {
      name: 'appended to a plain flow list',
      code: 'services:\n  api:\n    image: example/api:2.3\n    security_opt: [apparmor=docker-default]\n',
      findings: [{ line: 4, column: 5, endLine: 4, endColumn: 17, message: 'Service "api" does not set no-new-privileges:true: setuid binaries can regain root' }],
      output: 'services:\n  api:\n    image: example/api:2.3\n    security_opt: [apparmor=docker-default, no-new-privileges:true]\n',
    },
    {
      name: 'turned off',
      code: "services:\n  api:\n    image: example/api:2.3\n    security_opt: ['no-new-privileges:false']\n",
      findings: [{ line: 4, column: 20, endLine: 4, endColumn: 45, message: 'Service "api" turns no-new-privileges off: setuid binaries can regain root' }],
      output: "services:\n  api:\n    image: example/api:2.3\n    security_opt: ['no-new-privileges:true']\n",
    },
    {
      name: 'turned off by the default of a variable: the default becomes true',
      code: 'services:\n  api:\n    image: example/api:2.3\n    security_opt: ["no-new-privileges:${NNP:-false}"]\n',
      findings: [{ line: 4, column: 20, endLine: 4, endColumn: 53, message: 'Service "api" turns no-new-privileges off: setuid binaries can regain root' }],
      output: 'services:\n  api:\n    image: example/api:2.3\n    security_opt: ["no-new-privileges:${NNP:-true}"]\n',
    },
    {
      name: 'a flow-style service over several lines: after its last entry, before the comment',
      code: 'services:\n  api: {\n    image: example/api:2.3,\n    read_only: true # hardened\n  }\n',
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service "api" does not set no-new-privileges:true: setuid binaries can regain root' }],
      output: 'services:\n  api: {\n    image: example/api:2.3,\n    read_only: true, security_opt: ["no-new-privileges:true"] # hardened\n  }\n',
    },
  ],
});
