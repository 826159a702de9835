import { composePidsLimit } from '../../server/src/rules/compose/compose-pids-limit';
import { ruleTable } from '../rule-table';

ruleTable(composePidsLimit, {
  valid: [
    'services:\n  api:\n    image: example/api:2.3\n    pids_limit: 200\n',
    'services:\n  api:\n    image: example/api:2.3\n    deploy:\n      resources:\n        limits:\n          pids: 200\n',
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    image: example/api:2.3\n  worker:\n    image: example/worker:2.3\n    pids_limit: -1\n',
      findings: [
        { line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service "api" has no process limit (pids_limit)' },
        { line: 6, column: 5, endLine: 6, endColumn: 19, message: 'Service "worker" turns the process limit off (pids_limit: -1)' },
      ],
    },
  ],
});
