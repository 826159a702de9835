import { composeHealthcheckCmdString } from '../../server/src/rules/compose/compose-healthcheck-cmd-string';
import { ruleTable } from '../rule-table';

ruleTable(composeHealthcheckCmdString, {
  valid: [
    'services:\n  api:\n    image: example/api:2.3\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost/"]\n',
    'services:\n  api:\n    image: example/api:2.3\n    healthcheck:\n      test: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]\n',
    'services:\n  api:\n    image: example/api:2.3\n    healthcheck:\n      test: curl -f http://localhost/\n',
    'services:\n  api:\n    image: example/api:2.3\n    healthcheck:\n      test: ["CMD", "/healthcheck"]\n',
  ],
  invalid: [
    {
      name: 'a plain command is split into arguments',
      code: 'services:\n  api:\n    image: example/api:2.3\n    healthcheck:\n      test: ["CMD", "curl -f http://localhost:8080/health"]\n',
      findings: [{ line: 5, column: 21, endLine: 5, endColumn: 59, message: 'The healthcheck of service "api" runs a program named "curl -f http://localhost:8080/health": with CMD each argument is a separate item (or use CMD-SHELL)' }],
      output: 'services:\n  api:\n    image: example/api:2.3\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8080/health"]\n',
    },
    {
      name: 'shell syntax switches to CMD-SHELL, keeping single quotes',
      code: "services:\n  api:\n    image: example/api:2.3\n    healthcheck:\n      test: ['CMD', 'curl -f http://localhost/ || exit 1']\n",
      findings: [{ line: 5, column: 21, endLine: 5, endColumn: 58, message: 'The healthcheck of service "api" runs a program named "curl -f http://localhost/ || exit 1": with CMD each argument is a separate item (or use CMD-SHELL)' }],
      output: "services:\n  api:\n    image: example/api:2.3\n    healthcheck:\n      test: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1']\n",
    },
    {
      name: 'a block list gets one item a line',
      code: 'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test:\n        - CMD\n        - pg_isready -U app\n      interval: 10s\n',
      findings: [{ line: 7, column: 11, endLine: 7, endColumn: 28, message: 'The healthcheck of service "db" runs a program named "pg_isready -U app": with CMD each argument is a separate item (or use CMD-SHELL)' }],
      output: 'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test:\n        - CMD\n        - pg_isready\n        - -U\n        - app\n      interval: 10s\n',
    },
  ],
});
