import { goInstallPinVersions } from '../../server/src/rules/dockerfile/go-install-pin-versions';
import { ruleTable } from '../rule-table';

ruleTable(goInstallPinVersions, {
  valid: [
    'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.2\n',
    'FROM golang:1.23\nRUN go install ./cmd/... && go install .\n',
  ],
  invalid: [
    {
      code: 'FROM golang:1.23\nRUN go install -v golang.org/x/tools/gopls@latest github.com/go-delve/delve/cmd/dlv\n',
      findings: [
        { line: 2, column: 19, endLine: 2, endColumn: 50, message: '"golang.org/x/tools/gopls" is not pinned: use golang.org/x/tools/gopls@<version> in go install' },
        { line: 2, column: 51, endLine: 2, endColumn: 84, message: '"github.com/go-delve/delve/cmd/dlv" is not pinned: use github.com/go-delve/delve/cmd/dlv@<version> in go install' },
      ],
    },
  ],
});
