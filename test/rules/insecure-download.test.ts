import { insecureDownload } from '../../server/src/rules/dockerfile/insecure-download';
import { ruleTable } from '../rule-table';

ruleTable(insecureDownload, {
  valid: [
    'FROM alpine:3.20\nRUN curl -fsSL https://example.com/a.sh -o /tmp/a.sh && wget -q https://example.com/b\n',
    'FROM alpine:3.20\nRUN curl -H -k https://example.com && git config --global http.sslVerify true\n',
  ],
  invalid: [
    {
      code:
        'FROM alpine:3.20\nRUN curl -fsSLk https://example.com/a.sh | sh\nRUN curl --insecure -o /tmp/x https://example.com/x && wget --no-check-certificate https://example.com/y\nRUN git -c http.sslVerify=false clone https://example.com/r.git && git config --global http.sslVerify false\nRUN sh -c "curl -k https://example.com/z"\n',
      findings: [
        { line: 2, column: 10, endLine: 2, endColumn: 16, message: 'curl -k turns off TLS certificate verification' },
        { line: 3, column: 10, endLine: 3, endColumn: 20, message: 'curl --insecure turns off TLS certificate verification' },
        { line: 3, column: 61, endLine: 3, endColumn: 83, message: 'wget --no-check-certificate turns off TLS certificate verification' },
        { line: 4, column: 12, endLine: 4, endColumn: 32, message: 'git -c http.sslVerify=false turns off TLS certificate verification' },
        { line: 4, column: 88, endLine: 4, endColumn: 108, message: 'git config http.sslVerify false turns off TLS certificate verification' },
        { line: 5, column: 17, endLine: 5, endColumn: 19, message: 'curl -k turns off TLS certificate verification' },
      ],
      output:
        'FROM alpine:3.20\nRUN curl -fsSL https://example.com/a.sh | sh\nRUN curl -o /tmp/x https://example.com/x && wget https://example.com/y\nRUN git clone https://example.com/r.git && git config --global http.sslVerify false\nRUN sh -c "curl https://example.com/z"\n',
    },
    {
      name: 'an option alone on a continuation line',
      code: 'FROM alpine:3.20\nRUN curl \\\n    -k \\\n    https://example.com/a\n',
      findings: [{ line: 3, column: 5, endLine: 3, endColumn: 7, message: 'curl -k turns off TLS certificate verification' }],
      output: 'FROM alpine:3.20\nRUN curl \\\n    https://example.com/a\n',
    },
  ],
});
