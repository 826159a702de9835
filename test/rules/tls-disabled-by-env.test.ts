import { tlsDisabledByEnv } from '../../server/src/rules/dockerfile/tls-disabled-by-env';
import { ruleTable } from '../rule-table';

ruleTable(tlsDisabledByEnv, {
  valid: ['FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 NPM_CONFIG_STRICT_SSL=true\nARG PIP_TRUSTED_HOST\nRUN echo NODE_TLS_REJECT_UNAUTHORIZED=0\n'],
  invalid: [
    {
      code:
        'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nENV A=1 PYTHONHTTPSVERIFY=0 B=2\nARG GIT_SSL_NO_VERIFY=true\nRUN GOINSECURE=example.com go get example.com/x && export npm_config_strict_ssl=false\nENV GIT_SSL_NO_VERIFY=1\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 35, message: 'ENV NODE_TLS_REJECT_UNAUTHORIZED=0: Node.js stops verifying TLS certificates' },
        { line: 3, column: 9, endLine: 3, endColumn: 28, message: 'ENV PYTHONHTTPSVERIFY=0: Python stops verifying HTTPS certificates' },
        { line: 4, column: 5, endLine: 4, endColumn: 27, message: 'ARG GIT_SSL_NO_VERIFY=true: git stops verifying TLS certificates' },
        { line: 5, column: 5, endLine: 5, endColumn: 27, message: 'GOINSECURE=example.com: go fetches those modules without TLS verification' },
        { line: 5, column: 59, endLine: 5, endColumn: 86, message: "npm_config_strict_ssl=false: npm stops verifying the registry's TLS certificate" },
        { line: 6, column: 5, endLine: 6, endColumn: 24, message: 'ENV GIT_SSL_NO_VERIFY=1: git stops verifying TLS certificates' },
      ],
      output: 'FROM node:22\nENV A=1 B=2\nRUN GOINSECURE=example.com go get example.com/x && export npm_config_strict_ssl=false\n',
    },
    {
      name: 'GOFLAGS=-insecure; kept when it sets other flags too',
      code: 'FROM golang:1.23\nENV GOFLAGS="-mod=mod -insecure"\nARG GOFLAGS=-insecure\nRUN GOFLAGS=-insecure go get example.com/x\nENV GOFLAGS=-mod=mod\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 33, message: 'ENV GOFLAGS=-mod=mod -insecure: go get fetches modules without TLS verification' },
        { line: 3, column: 5, endLine: 3, endColumn: 22, message: 'ARG GOFLAGS=-insecure: go get fetches modules without TLS verification' },
        { line: 4, column: 5, endLine: 4, endColumn: 22, message: 'GOFLAGS=-insecure: go get fetches modules without TLS verification' },
      ],
      output: 'FROM golang:1.23\nENV GOFLAGS="-mod=mod -insecure"\nRUN GOFLAGS=-insecure go get example.com/x\nENV GOFLAGS=-mod=mod\n',
    },
  ],
});
