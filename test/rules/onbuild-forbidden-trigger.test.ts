import { onbuildForbiddenTrigger } from '../../server/src/rules/dockerfile/onbuild-forbidden-trigger';
import { ruleTable } from '../rule-table';

ruleTable(onbuildForbiddenTrigger, {
  valid: [
    'FROM alpine:3.20\nONBUILD RUN echo hi\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nONBUILD FROM alpine:3.20\nONBUILD ONBUILD RUN x\nonbuild maintainer me\n',
      findings: [
        { line: 2, column: 9, endLine: 2, endColumn: 13, message: 'FROM is not allowed as an ONBUILD trigger' },
        { line: 3, column: 9, endLine: 3, endColumn: 16, message: 'ONBUILD is not allowed as an ONBUILD trigger' },
        { line: 4, column: 9, endLine: 4, endColumn: 19, message: 'MAINTAINER is not allowed as an ONBUILD trigger' },
      ],
    },
  ],
});
