import { composeHealthcheckMissing } from '../../server/src/rules/compose/compose-healthcheck-missing';
import { ruleTable } from '../rule-table';

ruleTable(composeHealthcheckMissing, {
  valid: [
    'services:\n  api:\n    image: example/api:2.3\n    healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://localhost/health"]\n',
    { name: 'the Dockerfile has a HEALTHCHECK', code: 'services:\n  api:\n    build: .\n', files: { Dockerfile: 'FROM alpine:3.20\nHEALTHCHECK CMD wget -qO- http://localhost/ || exit 1\n' } },
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    image: example/api:2.3\n',
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service "api" has no healthcheck' }],
    },
    {
      name: 'nor in the Dockerfile',
      code: 'services:\n  api:\n    build: .\n',
      files: { Dockerfile: 'FROM alpine:3.20\nCMD ["x"]\n' },
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service "api" has no healthcheck, and its Dockerfile (Dockerfile) has no HEALTHCHECK' }],
    },
    {
      name: 'disabled',
      code: 'services:\n  api:\n    image: example/api:2.3\n    healthcheck:\n      disable: true\n  worker:\n    image: example/worker:2.3\n    healthcheck:\n      test: ["NONE"]\n',
      findings: [
        { line: 5, column: 7, endLine: 5, endColumn: 20, message: 'The healthcheck of service "api" is disabled' },
        { line: 9, column: 7, endLine: 9, endColumn: 21, message: 'The healthcheck of service "worker" is disabled (test: NONE)' },
      ],
    },
  ],
});
