import { composeAnonymousVolume } from '../../server/src/rules/compose/compose-anonymous-volume';
import { ruleTable } from '../rule-table';

ruleTable(composeAnonymousVolume, {
  valid: [
    {
      name: 'every VOLUME has a named volume (short and long syntax)',
      code: 'services:\n  db:\n    build: ./db\n    volumes:\n      - data:/var/lib/data/\n      - type: volume\n        source: logs\n        target: /var/log/db\nvolumes:\n  data:\n  logs:\n',
      files: { 'db/Dockerfile': 'FROM alpine:3.20\nVOLUME /var/lib/data /var/log/db\n' },
    },
    { name: 'image only', code: 'services:\n  db:\n    image: postgres:16\n' },
    {
      name: 'a tmpfs and volumes_from count as mounts',
      code: 'services:\n  cache:\n    build: ./cache\n    tmpfs: [/var/cache/app]\n  worker:\n    build: ./cache\n    volumes_from: [cache]\n',
      files: { 'cache/Dockerfile': 'FROM alpine:3.20\nVOLUME /var/cache/app\n' },
    },
  ],
  invalid: [
    {
      code: 'services:\n  db:\n    build: ./db\n    volumes:\n      - ./conf:/etc/db\n',
      files: { 'db/Dockerfile': 'FROM alpine:3.20\nVOLUME /var/lib/data /var/log/db\nVOLUME ["/etc/db"]\n' },
      findings: [
        { line: 2, column: 3, endLine: 2, endColumn: 5, message: 'The Dockerfile of service "db" (db/Dockerfile) declares VOLUME /var/lib/data, but the service mounts nothing there: its data lives in an anonymous volume' },
        { line: 2, column: 3, endLine: 2, endColumn: 5, message: 'The Dockerfile of service "db" (db/Dockerfile) declares VOLUME /var/log/db, but the service mounts nothing there: its data lives in an anonymous volume' },
      ],
    },
    {
      name: 'an anonymous volume in compose is still anonymous',
      code: 'services:\n  db:\n    build: ./db\n    volumes:\n      - /var/lib/data\n',
      files: { 'db/Dockerfile': 'FROM alpine:3.20\nVOLUME /var/lib/data\n' },
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 5, message: 'The Dockerfile of service "db" (db/Dockerfile) declares VOLUME /var/lib/data, but the service mounts nothing there: its data lives in an anonymous volume' }],
    },
    {
      name: 'a VOLUME of the stage the target builds on, in dockerfile_inline',
      code: 'services:\n  db:\n    build:\n      context: .\n      target: app\n      dockerfile_inline: |\n        FROM postgres:16 AS base\n        VOLUME /srv/data\n        FROM base AS app\n        COPY init.sql /docker-entrypoint-initdb.d/\n',
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 5, message: 'The Dockerfile of service "db" (dockerfile_inline) declares VOLUME /srv/data, but the service mounts nothing there: its data lives in an anonymous volume' }],
    },
  ],
});
