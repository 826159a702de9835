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
  ],
});
