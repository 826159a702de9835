import { healthcheckMissing } from '../../server/src/rules/dockerfile/healthcheck-missing';
import { ruleTable } from '../rule-table';
import { withQuickFixesPreferred } from './quick-fix';

const NODE_CHECK =
  'HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["node", "-e", "fetch(\'http://localhost:3000/healthz\').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]';

ruleTable(healthcheckMissing, {
  valid: [
    'FROM alpine:3.20\nHEALTHCHECK CMD wget -q --spider http://localhost:8080/healthz || exit 1\nCMD ["app"]\n',
    { name: 'inherited from an earlier stage', code: 'FROM alpine:3.20 AS base\nHEALTHCHECK CMD wget -q --spider http://localhost/ || exit 1\nFROM base\nCMD ["app"]\n' },
    { name: 'only build stages lack one', code: 'FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20\nHEALTHCHECK CMD ["/app", "-health"]\n' },
    '# nothing yet\n',
  ],
  invalid: [
    {
      name: 'the file ends in a line continuation: no fix (the HEALTHCHECK would continue the RUN)',
      code: 'FROM alpine:3.20\nEXPOSE 8080\nRUN apk add curl \\',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 17, message: 'No HEALTHCHECK in the final stage (alpine:3.20): Docker cannot tell when the container hangs' }],
      fixTitles: [],
    },
    {
      name: 'the final stage ends in an unterminated heredoc: no fix',
      code: 'FROM alpine:3.20\nEXPOSE 8080\nCOPY <<EOF /etc/motd\nhello\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 17, message: 'No HEALTHCHECK in the final stage (alpine:3.20): Docker cannot tell when the container hangs' }],
      fixTitles: [],
    },
    {
      name: 'node image with EXPOSE: warning, node fetch on the exposed port',
      code: 'FROM node:22-slim\nEXPOSE 3000\nCMD ["node", "server.js"]\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 18, message: 'No HEALTHCHECK in the final stage (node:22-slim): Docker cannot tell when the container hangs' }],
      output: `FROM node:22-slim\nEXPOSE 3000\n${NODE_CHECK}\nCMD ["node", "server.js"]\n`,
    },
    {
      name: 'alpine without EXPOSE: info, the fix is only offered (it may be a job or a CLI)',
      code: 'FROM alpine:3.20\r\nCOPY app /app',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 17, severity: 'info', message: 'No HEALTHCHECK in the final stage (alpine:3.20): Docker cannot tell when the container hangs' }],
      fixTitles: ['Add a HEALTHCHECK using BusyBox wget'],
      output: 'FROM alpine:3.20\r\nCOPY app /app',
    },
    {
      name: 'debian installing curl in a multi-line RUN, indentation of the CMD kept',
      code: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends \\\n      curl ca-certificates\nEXPOSE 8000/tcp\n  CMD ["/app"]\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 20, message: 'No HEALTHCHECK in the final stage (debian:12-slim): Docker cannot tell when the container hangs' }],
      output:
        'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends \\\n      curl ca-certificates\nEXPOSE 8000/tcp\n  HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD curl -fsS http://localhost:8000/healthz || exit 1\n  CMD ["/app"]\n',
    },
    {
      name: 'python image: urllib one-liner',
      code: 'FROM python:3.12-slim\nEXPOSE 5000\nENTRYPOINT ["python", "app.py"]\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 22, message: 'No HEALTHCHECK in the final stage (python:3.12-slim): Docker cannot tell when the container hangs' }],
      output:
        'FROM python:3.12-slim\nEXPOSE 5000\nHEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["python", "-c", "import urllib.request; urllib.request.urlopen(\'http://localhost:5000/healthz\', timeout=3)"]\nENTRYPOINT ["python", "app.py"]\n',
    },
    {
      name: 'distroless: no fix, the message says why',
      code: 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nEXPOSE 8080\nENTRYPOINT ["/app"]\n',
      findings: [
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 39,
          message:
            'No HEALTHCHECK in the final stage (gcr.io/distroless/static-debian12): distroless images have no shell and no tools, so a check needs a probe binary of your own (or a copied BusyBox); no fix offered',
        },
      ],
    },
    {
      name: 'scratch with a copied BusyBox: exec form through it',
      code: 'FROM scratch\nCOPY --from=busybox:1.36-musl /bin/busybox /busybox\nEXPOSE 9000\nCMD ["/app"]\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 13, message: 'No HEALTHCHECK in the final stage (scratch): Docker cannot tell when the container hangs' }],
      output:
        'FROM scratch\nCOPY --from=busybox:1.36-musl /bin/busybox /busybox\nEXPOSE 9000\nHEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["/busybox", "wget", "-q", "--spider", "http://localhost:9000/healthz"]\nCMD ["/app"]\n',
    },
    {
      name: 'a database port only: no HTTP probe offered',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache postgresql16\nEXPOSE 5432\nCMD ["postgres"]\n',
      findings: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 17,
          message: "No HEALTHCHECK in the final stage (alpine:3.20): Docker cannot tell when the container hangs (no fix offered: port 5432 speaks PostgreSQL, not HTTP; probe it with the service's own client)",
        },
      ],
    },
    {
      name: 'a broker with an HTTP management port: the probe uses that one',
      code: 'FROM alpine:3.20\nEXPOSE 5672 15672\nCMD ["broker"]\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 17, message: 'No HEALTHCHECK in the final stage (alpine:3.20): Docker cannot tell when the container hangs' }],
      output: 'FROM alpine:3.20\nEXPOSE 5672 15672\nHEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD wget -q --spider http://localhost:15672/healthz || exit 1\nCMD ["broker"]\n',
    },
    {
      name: 'bare Debian without an HTTP client: no fix',
      code: 'FROM debian:12\nEXPOSE 80\nCMD ["/srv/app"]\n',
      findings: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 15,
          message:
            'No HEALTHCHECK in the final stage (debian:12): Docker cannot tell when the container hangs (no fix offered: the image has no known HTTP client; install curl or use your own probe)',
        },
      ],
    },
    {
      name: 'HEALTHCHECK NONE is reported as info',
      code: 'FROM nginx:1.27\nHEALTHCHECK NONE\n',
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 17, severity: 'info', message: 'HEALTHCHECK NONE disables health checking: Docker cannot tell when this container hangs' }],
    },
  ],
});

// The quick fix without an EXPOSEd port, as the editor applies it.
ruleTable(withQuickFixesPreferred(healthcheckMissing), {
  valid: [],
  invalid: [
    {
      name: 'quick fix: BusyBox wget on 8080, appended at the end, CRLF kept',
      code: 'FROM alpine:3.20\r\nCOPY app /app',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 17, severity: 'info', message: 'No HEALTHCHECK in the final stage (alpine:3.20): Docker cannot tell when the container hangs' }],
      output:
        'FROM alpine:3.20\r\nCOPY app /app\r\nHEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD wget -q --spider http://localhost:8080/healthz || exit 1',
    },
  ],
});
