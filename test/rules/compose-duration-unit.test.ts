import { composeDurationUnit } from '../../server/src/rules/compose/compose-duration-unit';
import { ruleTable } from '../rule-table';

ruleTable(composeDurationUnit, {
  valid: [
    'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      interval: 1m30s\n      timeout: 500ms\n      start_period: 0\n      retries: 5\n',
    { name: 'interpolation is understood', code: 'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      interval: ${HC_INTERVAL:-30s}\n      timeout: ${HC_TIMEOUT}\n' },
  ],
  invalid: [
    {
      code: 'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n      interval: 30\n      timeout: "5"\n      retries: 5\n    stop_grace_period: 1m\n',
      findings: [
        { line: 6, column: 17, endLine: 6, endColumn: 19, message: 'healthcheck.interval of service "db" is 30 without a unit: write 30s (or ms, m, h)' },
        { line: 7, column: 16, endLine: 7, endColumn: 19, message: 'healthcheck.timeout of service "db" is 5 without a unit: write 5s (or ms, m, h)' },
      ],
      output: 'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n      interval: 30s\n      timeout: "5s"\n      retries: 5\n    stop_grace_period: 1m\n',
    },
    {
      code: 'services:\n  db:\n    image: postgres:16\n    deploy:\n      restart_policy:\n        delay: 5\n',
      findings: [{ line: 6, column: 16, endLine: 6, endColumn: 17, message: 'deploy.restart_policy.delay of service "db" is 5 without a unit: write 5s (or ms, m, h)' }],
      output: 'services:\n  db:\n    image: postgres:16\n    deploy:\n      restart_policy:\n        delay: 5s\n',
    },
  ],
});
