import { healthcheckToolMissing } from '../../server/src/rules/dockerfile/healthcheck-tool-missing';
import { ruleTable } from '../rule-table';

ruleTable(healthcheckToolMissing, {
  valid: [
    { name: 'scratch with a BusyBox binary from the build context', code: 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\nHEALTHCHECK CMD ["/bin/sh", "/app/health.sh"]\n' },
    'FROM alpine:3.20\nHEALTHCHECK CMD wget -q --spider http://localhost/ || exit 1\n',
    'FROM alpine:3.20\nRUN apk add --no-cache curl\nHEALTHCHECK CMD curl -fsS http://localhost/ || exit 1\n',
    { name: 'installed in a base stage of the file', code: 'FROM debian:12-slim AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n' },
    { name: 'installed through an ARG package list', code: 'FROM python:3.12-slim\nARG PKGS="curl tini"\nRUN apt-get install -y $PKGS\nHEALTHCHECK CMD curl -f http://localhost/\n' },
    { name: 'full images ship curl', code: 'FROM node:22\nHEALTHCHECK CMD curl -f http://localhost/\n' },
    { name: 'unknown images are given the benefit of the doubt', code: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\n' },
    { name: 'an install script may add it', code: 'FROM ubuntu:24.04\nRUN /opt/setup/install --all\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n' },
    { name: 'only the final stage', code: 'FROM alpine:3.20 AS test\nHEALTHCHECK CMD curl -f http://x/\nFROM node:22\n' },
  ],
  invalid: [
    {
      name: 'exec form naming a shell on scratch',
      code: 'FROM scratch\nCOPY app /app\nHEALTHCHECK CMD ["/bin/sh", "/app/health.sh"]\n',
      findings: [{ line: 3, column: 18, endLine: 3, endColumn: 27, message: 'HEALTHCHECK runs sh, which scratch does not have (scratch is empty): the check always fails and the container is marked unhealthy' }],
    },
    {
      name: 'curl on a slim image',
      code: 'FROM node:22-slim\nHEALTHCHECK --interval=30s CMD curl -f http://localhost:3000/ || exit 1\n',
      findings: [
        {
          line: 2,
          column: 32,
          endLine: 2,
          endColumn: 36,
          message: 'HEALTHCHECK runs curl, which node:22-slim does not have (slim images ship neither curl nor wget): the check always fails and the container is marked unhealthy',
        },
      ],
    },
    {
      name: 'curl on Alpine, in exec form',
      code: 'FROM python:3.12-alpine\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n',
      findings: [
        {
          line: 2,
          column: 18,
          endLine: 2,
          endColumn: 24,
          message: 'HEALTHCHECK runs curl, which python:3.12-alpine does not have (Alpine has BusyBox wget, not curl or bash): the check always fails and the container is marked unhealthy',
        },
      ],
    },
    {
      name: 'installed as a virtual group and removed again',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .fetch curl \\\n && curl -fsSL https://example.com/x -o /x \\\n && apk del .fetch\nHEALTHCHECK CMD curl -f http://localhost/\n',
      findings: [
        {
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 21,
          message: 'HEALTHCHECK runs curl, which alpine:3.20 does not have (it is removed again on line 2): the check always fails and the container is marked unhealthy',
        },
      ],
    },
    {
      name: 'shell form on distroless',
      code: 'FROM gcr.io/distroless/base-debian12\nHEALTHCHECK CMD wget -q --spider http://localhost/\n',
      findings: [
        {
          line: 2,
          column: 17,
          endLine: 2,
          endColumn: 51,
          message:
            'This shell-form HEALTHCHECK runs /bin/sh, which gcr.io/distroless/base-debian12 does not have (distroless images have no shell and no tools): the check always fails and the container is marked unhealthy',
        },
      ],
    },
    {
      name: 'wget through sh -c on Ubuntu',
      code: 'FROM ubuntu:24.04\nHEALTHCHECK CMD ["sh", "-c", "wget -qO- http://localhost/ || exit 1"]\n',
      findings: [
        {
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 69,
          message: 'HEALTHCHECK runs wget, which ubuntu:24.04 does not have (Debian and Ubuntu base images ship neither curl nor wget): the check always fails and the container is marked unhealthy',
        },
      ],
    },
  ],
});
