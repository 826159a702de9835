import { secretInEnvArg } from '../../server/src/rules/dockerfile/secret-in-env-arg';
import { ruleTable } from '../rule-table';

ruleTable(secretInEnvArg, {
  valid: [
    'FROM alpine:3.20\nENV MINIO_ACCESS_KEY_FILE=/run/secrets/key GITHUB_TOKEN_URL=https://example.com/token\n',
    'FROM alpine:3.20\nENV PASSWORD_MIN_LENGTH=12 SECRET_KEY_BASE_FILE=/run/secrets/skb PUBLIC_KEY=abc AWS_ACCESS_KEY_ID_NAME=x\n',
    'FROM python:3.12\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\nARG RABBITMQ_PGP_KEY_ID=0x0A9AF2115F4687BD29803A206B73A36E6026DFCA\n',
    'FROM alpine:3.20\nENV TOKENIZERS_PARALLELISM=false ALLOW_EMPTY_PASSWORD=yes POSTGRES_HOST_AUTH_METHOD=trust DB_USER=app AWS_ACCESS_KEY_ID=x\n',
    'FROM alpine:3.20\nENV AUTH_ENABLED=true PWD=/app DB_PASSWORD=/run/secrets/db SECRET_KEY_BASE_DUMMY=1\n',
    'FROM alpine:3.20\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n',
    'FROM alpine:3.20\nENV WEB_AUTHENTICATION_TOKEN_VALIDITY_TIME=24 sa_password="_"\n',
    'FROM node:22-alpine\nENV DATABASE_URL="postgresql://user:pass@localhost:5432/dummy"\n',
    'FROM alpine:3.20\nRUN git clone "https://oauth2:${GITLAB_TOKEN}@gitlab.com/x/y.git"\n',
  ],
  invalid: [
    {
      name: 'a broken name with regular expression characters',
      code: 'FROM alpine:3.20\nARG a"[_password=x\n',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 17, message: 'ARG a"[_password has a secret default written in the Dockerfile, and build arguments are recorded in the image history' }],
      fixTitles: ['Remove ARG a"[_password'],
    },
    {
      name: 'ARG without default: the RUN gets a secret mount and the file a syntax directive',
      code: 'FROM node:22-slim\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\nRUN npm run build\n',
      findings: [
        {
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 14,
          message: 'ARG NPM_TOKEN looks like a secret: build arguments are recorded in the image history; use a secret mount',
          severity: 'warning',
        },
      ],
      output:
        '# syntax=docker/dockerfile:1\nFROM node:22-slim\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\nRUN npm run build\n',
      fixTitles: ['Pass NPM_TOKEN as a build secret (RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN)'],
    },
    {
      name: 'two ARGs used by one RUN; an old syntax version is raised',
      code: '# syntax=docker/dockerfile:1.4\nFROM amazon/aws-cli\nARG AWS_ACCESS_KEY_ID\nARG AWS_SECRET_ACCESS_KEY\nRUN aws s3 cp s3://bucket/file . && echo $AWS_SECRET_ACCESS_KEY >/dev/null\n',
      findings: [
        {
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 26,
          message: 'ARG AWS_SECRET_ACCESS_KEY looks like a secret: build arguments are recorded in the image history; use a secret mount',
          severity: 'warning',
        },
      ],
      output:
        '# syntax=docker/dockerfile:1\nFROM amazon/aws-cli\nARG AWS_ACCESS_KEY_ID\nRUN --mount=type=secret,id=aws_secret_access_key,env=AWS_SECRET_ACCESS_KEY aws s3 cp s3://bucket/file . && echo $AWS_SECRET_ACCESS_KEY >/dev/null\n',
    },
    {
      name: 'ENV with a literal value: error, fix offered but not preferred',
      code: 'FROM python:3.12\nENV DJANGO_SECRET_KEY="s3cr3t-value" DEBUG=0\nCMD ["gunicorn"]\n',
      findings: [
        {
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 22,
          message: 'ENV DJANGO_SECRET_KEY stores a secret in the image configuration: anyone who can pull the image can read it',
        },
      ],
      fixTitles: ['Remove ENV DJANGO_SECRET_KEY'],
    },
    {
      name: 'empty ENV: info, and the fix is not preferred',
      code: 'FROM alpine:3.20\nENV VNC_PASSWORD= \\\n    DISPLAY_WIDTH=1920\n',
      findings: [
        {
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 17,
          message: 'ENV VNC_PASSWORD looks like a secret: set it at run time, or pass it to the build with a secret mount',
          severity: 'info',
        },
      ],
      fixTitles: ['Remove ENV VNC_PASSWORD'],
    },
    {
      name: 'ENV copying a build argument; the ARG used elsewhere gets no fix',
      code: 'FROM alpine:3.20\nARG api_key\nENV API_KEY=${api_key}\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 12, message: 'ARG api_key looks like a secret: build arguments are recorded in the image history; use a secret mount', severity: 'warning' },
        { line: 3, column: 5, endLine: 3, endColumn: 12, message: 'ENV API_KEY copies a secret into the image configuration: anyone who can pull the image can read it' },
      ],
    },
    {
      name: 'credentials by their shape, whatever the name',
      code:
        'FROM alpine:3.20\nENV GIT_REMOTE=https://ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789@github.com/x/y\nLABEL dsn="postgres://app:hunter2@db/app"\nRUN curl -H "Authorization: Bearer xoxb-1234567890-abcdefghij" https://slack.com/api\n',
      findings: [
        {
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 64,
          message: 'This looks like a GitHub token written in the Dockerfile: anyone with the file or the image can use it (revoke it, then pass it as a build secret)',
        },
        {
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 36,
          message: 'This looks like a password in a URL written in the Dockerfile: anyone with the file or the image can use it (revoke it, then pass it as a build secret)',
        },
        {
          line: 4,
          column: 36,
          endLine: 4,
          endColumn: 62,
          message: 'This looks like a Slack token written in the Dockerfile: anyone with the file or the image can use it (revoke it, then pass it as a build secret)',
        },
      ],
    },
  ],
});
