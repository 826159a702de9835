import { registryTlsDisabled } from '../../server/src/rules/dockerfile/registry-tls-disabled';
import { ruleTable } from '../rule-table';

ruleTable(registryTlsDisabled, {
  valid: ['FROM python:3.12\nRUN pip install --cert /ca.pem -r requirements.txt && npm config set strict-ssl true\n'],
  invalid: [
    {
      code:
        'FROM python:3.12\nRUN pip install --trusted-host pypi.org -r requirements.txt\nRUN python -m pip install --trusted-host=pypi.org flask\nRUN pip config set global.trusted-host pypi.org\nRUN npm config set strict-ssl false && yarn config set strict-ssl false\nRUN dnf config-manager --setopt=myrepo.sslverify=0 --save\n',
      findings: [
        { line: 2, column: 17, endLine: 2, endColumn: 31, message: 'pip --trusted-host pypi.org turns off TLS verification for that host' },
        { line: 3, column: 27, endLine: 3, endColumn: 50, message: 'pip --trusted-host=pypi.org turns off TLS verification for that host' },
        { line: 4, column: 20, endLine: 4, endColumn: 39, message: 'pip config sets trusted-host: TLS verification is off for that host' },
        { line: 5, column: 20, endLine: 5, endColumn: 36, message: 'npm config set strict-ssl false turns off TLS verification for the registry' },
        { line: 5, column: 56, endLine: 5, endColumn: 72, message: 'yarn config set strict-ssl false turns off TLS verification for the registry' },
        { line: 6, column: 24, endLine: 6, endColumn: 51, message: 'dnf --setopt=myrepo.sslverify=0 turns off TLS verification for the repository' },
      ],
      output:
        'FROM python:3.12\nRUN pip install -r requirements.txt\nRUN python -m pip install flask\nRUN pip config set global.trusted-host pypi.org\nRUN npm config set strict-ssl false && yarn config set strict-ssl false\nRUN dnf config-manager --setopt=myrepo.sslverify=0 --save\n',
    },
  ],
});
