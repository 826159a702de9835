import { composeMemoryLimit } from '../../server/src/rules/compose/compose-memory-limit';
import { ruleTable } from '../rule-table';

ruleTable(composeMemoryLimit, {
  valid: [
    'services:\n  api:\n    image: example/api:2.3\n    mem_limit: 512m\n',
    'services:\n  api:\n    image: example/api:2.3\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n',
    { name: 'flow style', code: 'services:\n  api:\n    image: example/api:2.3\n    deploy: { resources: { limits: { memory: 512M } } }\n' },
    { name: 'limits shared through a merge key', code: 'x-limits: &limits\n  deploy:\n    resources:\n      limits:\n        memory: 256M\nservices:\n  api:\n    <<: *limits\n    image: example/api:2.3\n' },
    { name: 'an override file\'s partial service', code: 'services:\n  api:\n    environment: [DEBUG=1]\n' },
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    image: example/api:2.3\n    deploy:\n      resources:\n        limits:\n          cpus: "0.5"\n',
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service "api" has no memory limit' }],
    },
    {
      name: 'a reservation is not a limit',
      code: 'services:\n  api:\n    image: example/api:2.3\n    deploy:\n      resources:\n        reservations:\n          memory: 256M\n',
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service "api" has no memory limit' }],
    },
    {
      name: 'each service on its own: mem_limit of one does not cover another',
      code: 'services:\n  db:\n    image: postgres:16\n    mem_limit: 1g\n  worker:\n    build: ./worker\n    mem_reservation: 128m\n',
      findings: [{ line: 5, column: 3, endLine: 5, endColumn: 9, message: 'Service "worker" has no memory limit' }],
    },
  ],
});
