import { wgetAndCurl } from '../../server/src/rules/dockerfile/wget-and-curl';
import { ruleTable } from '../rule-table';

ruleTable(wgetAndCurl, {
  valid: [
    'FROM debian:12 AS fetch\nRUN wget -q https://example.com/a\nFROM debian:12\nRUN curl -fsSLO https://example.com/b\n',
    'FROM debian:12\nRUN apt-get install -y curl wget\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN curl -fsSLO https://example.com/a\nRUN wget -q https://example.com/b\nRUN ["wget", "-q", "https://example.com/c"]\n',
      findings: [
        { line: 3, column: 5, endLine: 3, endColumn: 9, message: 'wget here, curl on line 2: use one download tool per image' },
        { line: 4, column: 6, endLine: 4, endColumn: 12, message: 'wget here, curl on line 2: use one download tool per image' },
      ],
    },
  ],
});
