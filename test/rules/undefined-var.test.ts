import { undefinedVar } from '../../server/src/rules/dockerfile/undefined-var';
import { ruleTable } from '../rule-table';

ruleTable(undefinedVar, {
  valid: [
    'FROM alpine:3.20 AS base\nARG foo\nCOPY $foo .\n',
    { name: 'the base image defines it', code: 'FROM python:3.12 AS base\nARG VERSION=$PYTHON_VERSION\n' },
    { name: 'an unknown base image may define it', code: 'FROM mycorp/base:1\nWORKDIR $APP_HOME\n' },
    {
      name: 'shell form, exec form, quotes, escapes and inherited stages',
      code: 'FROM alpine:3.20 AS base\nENV X=1\nFROM base\nRUN echo $UNDEFINED_IN_SHELL\nCMD ["echo", "$NOPE"]\nCOPY --chown=$X a b\nLABEL a=\'$NOPE\' b=\\$NOPE\nARG TARGETARCH\nCOPY bin-$TARGETARCH /bin/app\n',
    },
  ],
  invalid: [
    {
      name: 'a broken declaration is no suggestion: $VERSION| cannot be written',
      code: 'FROM alpine:3.20\nARG VERSION|\nLABEL version=$VERSION\n',
      findings: [{ line: 3, column: 15, endLine: 3, endColumn: 23, message: "Usage of undefined variable '$VERSION'" }],
      fixTitles: [],
    },
    {
      code: 'FROM alpine:3.20 AS base\nCOPY $foo .\n',
      findings: [{ line: 2, column: 6, endLine: 2, endColumn: 10, message: "Usage of undefined variable '$foo'" }],
    },
    {
      name: 'a typo, with a quick fix --fix does not apply',
      code: 'FROM alpine:3.20\nARG VERSION\nCOPY app-$VERSON.tar.gz /opt/\n',
      findings: [{ line: 3, column: 10, endLine: 3, endColumn: 17, message: "Usage of undefined variable '$VERSON' (did you mean $VERSION?)" }],
      fixTitles: ['Use $VERSION'],
      output: 'FROM alpine:3.20\nARG VERSION\nCOPY app-$VERSON.tar.gz /opt/\n',
    },
    {
      code: 'FROM alpine:3.20\nENV PATH=$PAHT:/app/bin\n',
      findings: [{ line: 2, column: 10, endLine: 2, endColumn: 15, message: "Usage of undefined variable '$PAHT' (did you mean $PATH?)" }],
    },
    {
      name: 'global and platform ARGs must be redeclared in the stage',
      code: 'ARG GLOBAL=1\nFROM alpine:3.20\nWORKDIR /app/$GLOBAL\nENV A=$TARGETARCH\n',
      findings: [
        { line: 3, column: 14, endLine: 3, endColumn: 21, message: "Usage of undefined variable '$GLOBAL'" },
        { line: 4, column: 7, endLine: 4, endColumn: 18, message: "Usage of undefined variable '$TARGETARCH'" },
      ],
    },
    {
      name: 'a pair does not see the pairs before it in the same ENV',
      code: 'FROM alpine:3.20\nENV A=1 B=$A\n',
      findings: [{ line: 2, column: 11, endLine: 2, endColumn: 13, message: "Usage of undefined variable '$A'" }],
    },
    {
      name: 'with a default, across a continuation line',
      code: 'FROM debian:12\nENV A=1 \\\n    B=${C:-x}\n',
      findings: [{ line: 3, column: 7, endLine: 3, endColumn: 14, message: "Usage of undefined variable '$C'" }],
    },
    {
      name: 'unknown base image: only likely typos',
      code: 'FROM mycorp/base:1\nENV APP_HOME=/app\nWORKDIR $APP_HOM\n',
      findings: [{ line: 3, column: 9, endLine: 3, endColumn: 17, message: "Usage of undefined variable '$APP_HOM' (did you mean $APP_HOME?)" }],
    },
  ],
});
