import { userNonNumeric } from '../../server/src/rules/dockerfile/user-non-numeric';
import { ruleTable } from '../rule-table';

ruleTable(userNonNumeric, {
  valid: [
    'FROM alpine:3.20\nUSER 10001\n',
    'FROM alpine:3.20\nUSER 10001:app\n',
    'FROM alpine:3.20\nUSER $APP_UID\n',
    'FROM alpine:3.20\nUSER root\n',
    'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nUSER app:app\n',
      findings: [
        { line: 2, column: 6, endLine: 2, endColumn: 13, message: 'USER "app" is a name, not a numeric UID: tools outside the image cannot resolve it' },
      ],
    },
  ],
});
