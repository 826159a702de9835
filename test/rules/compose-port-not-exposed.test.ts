import { composePortNotExposed } from '../../server/src/rules/compose/compose-port-not-exposed';
import { ruleTable } from '../rule-table';

ruleTable(composePortNotExposed, {
  valid: [
    { code: 'services:\n  api:\n    build: .\n    ports: ["127.0.0.1:8080:3000"]\n', files: { Dockerfile: 'FROM node:22-slim\nEXPOSE 3000\n' } },
    { name: 'no EXPOSE at all', code: 'services:\n  api:\n    build: .\n    ports: ["127.0.0.1:8080:8080"]\n', files: { Dockerfile: 'FROM node:22-slim\n' } },
  ],
  invalid: [
    {
      name: 'dockerfile_inline is read too',
      code: 'services:\n  api:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM node:22-slim\n        EXPOSE 3000/tcp\n    ports:\n      - "127.0.0.1:8080:8080"\n      - "127.0.0.1:3000:3000"\n',
      findings: [{ line: 9, column: 9, endLine: 9, endColumn: 30, message: 'Service "api" publishes container port 8080, but its Dockerfile (dockerfile_inline) EXPOSEs 3000' }],
    },
  ],
});
