import { hardcodedEnvValue } from '../../server/src/rules/dockerfile/hardcoded-env-value';
import { ruleTable } from '../rule-table';

ruleTable(hardcodedEnvValue, {
  valid: [
    'FROM alpine:3.20\nENV PORT=8080\nEXPOSE $PORT 9090\n',
    { name: 'the value changed since', code: 'FROM alpine:3.20\nENV PORT=3000\nENV PORT=4000\nEXPOSE 3000\n' },
    { name: 'search paths and homes', code: 'FROM python:3.12\nENV PYTHONPATH=/app HOME=/root\nWORKDIR /app\nCOPY . /app/\nWORKDIR /root\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nENV PORT=8080 DATA_DIR=/var/lib/app\nEXPOSE 8080 9090 8080/udp\nWORKDIR /var/lib/app\nVOLUME ["/var/lib/app"]\nCOPY seed/ /var/lib/app/\n',
      findings: [
        { line: 3, column: 8, endLine: 3, endColumn: 12, message: '8080 is written out, but ENV PORT already names it: use $PORT' },
        { line: 3, column: 18, endLine: 3, endColumn: 26, message: '8080 is written out, but ENV PORT already names it: use $PORT' },
        { line: 4, column: 9, endLine: 4, endColumn: 21, message: '/var/lib/app is written out, but ENV DATA_DIR already names it: use $DATA_DIR' },
        { line: 5, column: 9, endLine: 5, endColumn: 23, message: '/var/lib/app is written out, but ENV DATA_DIR already names it: use $DATA_DIR' },
        { line: 6, column: 12, endLine: 6, endColumn: 25, message: '/var/lib/app is written out, but ENV DATA_DIR already names it: use $DATA_DIR' },
      ],
      output: 'FROM alpine:3.20\nENV PORT=8080 DATA_DIR=/var/lib/app\nEXPOSE $PORT 9090 $PORT/udp\nWORKDIR $DATA_DIR\nVOLUME ["$DATA_DIR"]\nCOPY seed/ $DATA_DIR/\n',
    },
    {
      name: 'an ENV of the stage it builds on',
      code: 'FROM alpine:3.20 AS base\nENV PORT=3000\nFROM base\nEXPOSE 3000\n',
      findings: [{ line: 4, column: 8, endLine: 4, endColumn: 12, message: '3000 is written out, but ENV PORT already names it: use $PORT' }],
      output: 'FROM alpine:3.20 AS base\nENV PORT=3000\nFROM base\nEXPOSE $PORT\n',
    },
  ],
});
