import { composeMemoryLimit } from '../../server/src/rules/compose/compose-memory-limit';
import { ruleTable } from '../rule-table';

ruleTable(composeMemoryLimit, {
  valid: [
    'services:\n  api:\n    image: example/api:2.3\n    mem_limit: 512m\n',
    'services:\n  api:\n    image: example/api:2.3\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n',
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    image: example/api:2.3\n    deploy:\n      resources:\n        limits:\n          cpus: "0.5"\n',
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service "api" has no memory limit' }],
    },
  ],
});
