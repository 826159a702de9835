import { registryTlsDisabled } from '../../server/src/rules/dockerfile/registry-tls-disabled';
import { ruleTable } from '../rule-table';

ruleTable(registryTlsDisabled, {
  valid: [
    'FROM python:3.12\nRUN pip install --cert /ca.pem -r requirements.txt && npm config set strict-ssl true\n',
    'FROM node:22\nRUN yarn set version stable && npm install --strict-ssl && npm ci --strict-ssl true && npm config set cafile /ca.pem\n',
    'FROM debian:12\nRUN apt-get -o Acquire::https::Verify-Peer=true update && apt-get -o Acquire::https::CAInfo=/ca.pem update\n',
    { name: 'signature options are package-signature-disabled\'s', code: 'FROM debian:12\nRUN apt-get -o APT::Get::AllowUnauthenticated=true install -y curl\n' },
    'FROM golang:1.23\nRUN go get example.com/x\n',
  ],
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
    {
      name: 'npm, Yarn and pnpm strict-ssl in every spelling',
      code:
        'FROM node:22\nRUN npm set strict-ssl false\nRUN npm set strict-ssl=false && yarn set strict-ssl false\nRUN npm config set strict-ssl=false && npm c set -g strict-ssl false\nRUN npm install --strict-ssl=false && pnpm install --no-strict-ssl\nRUN npm ci --strict-ssl false\nRUN yarn config set enableStrictSsl false\n',
      findings: [
        { line: 2, column: 13, endLine: 2, endColumn: 29, message: 'npm set strict-ssl false turns off TLS verification for the registry' },
        { line: 3, column: 13, endLine: 3, endColumn: 29, message: 'npm set strict-ssl=false turns off TLS verification for the registry' },
        { line: 3, column: 42, endLine: 3, endColumn: 58, message: 'yarn set strict-ssl false turns off TLS verification for the registry' },
        { line: 4, column: 20, endLine: 4, endColumn: 36, message: 'npm config set strict-ssl=false turns off TLS verification for the registry' },
        { line: 4, column: 53, endLine: 4, endColumn: 69, message: 'npm c set strict-ssl false turns off TLS verification for the registry' },
        { line: 5, column: 17, endLine: 5, endColumn: 35, message: 'npm --strict-ssl=false turns off TLS verification for the registry' },
        { line: 5, column: 52, endLine: 5, endColumn: 67, message: 'pnpm --no-strict-ssl turns off TLS verification for the registry' },
        { line: 6, column: 12, endLine: 6, endColumn: 30, message: 'npm --strict-ssl false turns off TLS verification for the registry' },
        { line: 7, column: 21, endLine: 7, endColumn: 42, message: 'yarn config set enableStrictSsl false turns off TLS verification for the registry' },
      ],
      output:
        'FROM node:22\nRUN npm set strict-ssl false\nRUN npm set strict-ssl=false && yarn set strict-ssl false\nRUN npm config set strict-ssl=false && npm c set -g strict-ssl false\nRUN npm install && pnpm install\nRUN npm ci\nRUN yarn config set enableStrictSsl false\n',
    },
    {
      name: "apt's certificate checks turned off, and go get -insecure",
      code:
        'FROM debian:12\nRUN apt-get -o Acquire::https::Verify-Peer=false update\nRUN apt-get --option=Acquire::https::repo.example.com::Verify-Host=false install -y curl\nRUN echo \'Acquire::https::Verify-Peer "false";\' > /etc/apt/apt.conf.d/99insecure\nRUN go get -insecure example.com/x\n',
      findings: [
        { line: 2, column: 16, endLine: 2, endColumn: 49, message: 'apt-get -o Acquire::https::Verify-Peer=false turns off TLS verification for the repositories' },
        { line: 3, column: 13, endLine: 3, endColumn: 73, message: 'apt-get -o Acquire::https::repo.example.com::Verify-Host=false turns off TLS verification for the repositories' },
        { line: 4, column: 10, endLine: 4, endColumn: 48, message: 'The apt setting Acquire::https::Verify-Peer "false" turns off TLS verification for the repositories' },
        { line: 5, column: 12, endLine: 5, endColumn: 21, message: 'go get -insecure fetches modules without TLS verification, and over plain HTTP' },
      ],
      output:
        'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\nRUN echo \'Acquire::https::Verify-Peer "false";\' > /etc/apt/apt.conf.d/99insecure\nRUN go get example.com/x\n',
    },
  ],
});
