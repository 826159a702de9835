import { execFormVariable } from '../../server/src/rules/dockerfile/exec-form-variable';
import { ruleTable } from '../rule-table';

ruleTable(execFormVariable, {
  valid: [
    'FROM alpine:3.20\nCMD ["node", "server.js"]\n',
    'FROM alpine:3.20\nCMD node server.js --port "$PORT"\n',
    'FROM alpine:3.20\nCMD ["sh", "-c", "exec node server.js --port $PORT"]\n',
    'FROM alpine:3.20\nCMD ["echo", "costs $5"]\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nCMD ["node", "server.js", "--port", "$PORT"]\n',
      findings: [{ line: 2, column: 37, endLine: 2, endColumn: 44, message: '"$PORT" is not expanded in exec form: CMD runs without a shell' }],
    },
    {
      name: 'across a continuation line',
      code: 'FROM alpine:3.20\nENTRYPOINT ["app", \\\n  "--data=${DATA_DIR}"]\n',
      findings: [{ line: 3, column: 3, endLine: 3, endColumn: 23, message: '"${DATA_DIR}" is not expanded in exec form: ENTRYPOINT runs without a shell' }],
    },
  ],
});
