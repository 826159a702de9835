import { consistentInstructionCasing } from '../../server/src/rules/dockerfile/consistent-instruction-casing';
import { ruleTable } from '../rule-table';

ruleTable(consistentInstructionCasing, {
  valid: [
    'FROM alpine\nRUN echo hello\nENTRYPOINT ["cat"]\n',
    'from alpine\nrun echo hello\nentrypoint ["cat"]\n',
    { name: 'unknown words are not instructions', code: 'FROM alpine\nRUN a \\\n  b\nif true; then echo; fi\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine\nRun echo hello\nEntryPoint ["cat"]\n',
      findings: [
        { line: 2, column: 1, endLine: 2, endColumn: 4, message: "Command 'Run' should match the case of the command majority (uppercase)" },
        { line: 3, column: 1, endLine: 3, endColumn: 11, message: "Command 'EntryPoint' should match the case of the command majority (uppercase)" },
      ],
      output: 'FROM alpine\nRUN echo hello\nENTRYPOINT ["cat"]\n',
    },
    {
      code: 'from alpine\nrun echo hi\nCOPY a b\n',
      findings: [{ line: 3, column: 1, endLine: 3, endColumn: 5, message: "Command 'COPY' should match the case of the command majority (lowercase)" }],
      output: 'from alpine\nrun echo hi\ncopy a b\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM alpine\nONBUILD run echo hi\n',
      findings: [{ line: 2, column: 9, endLine: 2, endColumn: 12, message: "Command 'run' should match the case of the command majority (uppercase)" }],
      output: 'FROM alpine\nONBUILD RUN echo hi\n',
    },
  ],
});
