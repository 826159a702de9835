import { envSelfReference } from '../../server/src/rules/dockerfile/env-self-reference';
import { ruleTable } from '../rule-table';

ruleTable(envSelfReference, {
  valid: [
    'FROM alpine:3.20\nENV A=1\nENV B=$A\n',
    'FROM alpine:3.20\nENV PATH=/x:$PATH\n',
    'FROM alpine:3.20\nENV A=/a\nENV A=/b B=$A/bin\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nENV APP_HOME=/srv/app APP_BIN=${APP_HOME}/bin\n',
      findings: [
        { line: 2, column: 31, endLine: 2, endColumn: 46, message: '"APP_BIN" uses $APP_HOME, which this same ENV defines: it gets the value from before the ENV' },
      ],
    },
  ],
});
