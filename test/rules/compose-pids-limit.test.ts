import { composePidsLimit } from '../../server/src/rules/compose/compose-pids-limit';
import { ruleTable } from '../rule-table';

ruleTable(composePidsLimit, {
  valid: [
    'services:\n  api:\n    image: example/api:2.3\n    pids_limit: 200\n',
    'services:\n  api:\n    image: example/api:2.3\n    deploy:\n      resources:\n        limits:\n          pids: 200\n',
    { name: 'a limit as the default of a variable', code: 'services:\n  api:\n    image: example/api:2.3\n    pids_limit: ${PIDS_LIMIT:-200}\n' },
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    image: example/api:2.3\n  worker:\n    image: example/worker:2.3\n    pids_limit: -1\n',
      findings: [
        { line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service "api" has no process limit (pids_limit)' },
        { line: 6, column: 5, endLine: 6, endColumn: 19, message: 'Service "worker" turns the process limit off (pids_limit: -1)' },
      ],
    },
    {
      name: 'deploy.resources.limits.pids: 0 is no limit',
      code: 'services:\n  api:\n    image: example/api:2.3\n    deploy:\n      resources:\n        limits:\n          pids: 0\n',
      findings: [{ line: 7, column: 11, endLine: 7, endColumn: 18, message: 'Service "api" turns the process limit off (pids: 0)' }],
    },
    {
      name: 'off as the default of a variable',
      code: 'services:\n  api:\n    image: example/api:2.3\n    pids_limit: ${PIDS_LIMIT:--1}\n',
      findings: [{ line: 4, column: 5, endLine: 4, endColumn: 34, message: 'Service "api" turns the process limit off (pids_limit: -1)' }],
    },
    {
      name: 'through a merge key: reported where it is used',
      code: 'x-unlimited: &unlimited\n  pids_limit: -1\nservices:\n  api:\n    image: example/api:2.3\n    <<: *unlimited\n',
      findings: [{ line: 6, column: 5, endLine: 6, endColumn: 19, message: 'Service "api" turns the process limit off (pids_limit: -1) (from &unlimited on line 2)' }],
    },
  ],
});
