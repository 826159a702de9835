import { volumeChangeDiscarded } from '../../server/src/rules/dockerfile/volume-change-discarded';
import { ruleTable } from '../rule-table';

ruleTable(volumeChangeDiscarded, {
  valid: [
    'FROM debian:12-slim\nRUN mkdir -p /data && chown 1000 /data\nVOLUME /data\n',
    { name: 'reading from the volume is fine', code: 'FROM debian:12-slim\nVOLUME /data\nRUN cp /data/seed.sql /tmp/seed.sql && cat /data/x\n' },
    { name: 'a sibling path', code: 'FROM debian:12-slim\nVOLUME /data\nRUN mkdir /database\n' },
    { name: 'another stage', code: 'FROM debian:12-slim AS a\nVOLUME /data\nFROM debian:12-slim\nRUN mkdir /data\n' },
  ],
  invalid: [
    {
      name: 'the RUN continues into the end of the file: no fix (the moved VOLUME would become part of it)',
      code: 'FROM postgres:16\nVOLUME /var/lib/postgresql/data\nRUN chown -R postgres /var/lib/postgresql/data \\\n',
      findings: [
        {
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 47,
          message: 'chown changes /var/lib/postgresql/data, inside VOLUME /var/lib/postgresql/data (line 2): the legacy builder discards the change (BuildKit keeps it)',
        },
      ],
      fixTitles: [],
    },
    {
      name: 'the same path declared twice (or inside an enclosing VOLUME): no fix, moving one VOLUME would leave the other',
      code: 'FROM debian:12-slim\nVOLUME /pki\nVOLUME ["/pki"]\nVOLUME /srv\nVOLUME /srv/www\nRUN chmod 600 /pki/key && touch /srv/www/a\n',
      findings: [
        { line: 6, column: 15, endLine: 6, endColumn: 23, message: 'chmod changes /pki/key, inside VOLUME /pki (line 2): the legacy builder discards the change (BuildKit keeps it)' },
        { line: 6, column: 33, endLine: 6, endColumn: 43, message: 'touch changes /srv/www/a, inside VOLUME /srv (line 4): the legacy builder discards the change (BuildKit keeps it)' },
      ],
      fixTitles: [],
    },
    {
      name: 'chown after VOLUME: the VOLUME moves below the RUN',
      code: 'FROM postgres:16\nVOLUME /var/lib/postgresql/data\nRUN chown -R postgres /var/lib/postgresql/data\nCMD ["postgres"]\n',
      findings: [
        {
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 47,
          message: 'chown changes /var/lib/postgresql/data, inside VOLUME /var/lib/postgresql/data (line 2): the legacy builder discards the change (BuildKit keeps it)',
        },
      ],
      output: 'FROM postgres:16\nRUN chown -R postgres /var/lib/postgresql/data\nVOLUME /var/lib/postgresql/data\nCMD ["postgres"]\n',
    },
    {
      name: 'relative path through WORKDIR and a redirect, multi-line RUN, JSON VOLUME',
      code: 'FROM alpine:3.20\nVOLUME ["/srv"]\nWORKDIR /srv/app\nRUN echo hi > config.ini \\\n && touch /srv/ready\n',
      findings: [
        {
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 25,
          message: 'echo changes /srv/app/config.ini, inside VOLUME /srv (line 2): the legacy builder discards the change (BuildKit keeps it)',
        },
        { line: 5, column: 11, endLine: 5, endColumn: 21, message: 'touch changes /srv/ready, inside VOLUME /srv (line 2): the legacy builder discards the change (BuildKit keeps it)' },
      ],
      output: 'FROM alpine:3.20\nWORKDIR /srv/app\nRUN echo hi > config.ini \\\n && touch /srv/ready\nVOLUME ["/srv"]\n',
    },
    {
      name: 'VOLUME of a base stage: no fix',
      code: 'FROM alpine:3.20 AS base\nVOLUME /cache /logs\nFROM base\nRUN mkdir -p /cache/pkgs\n',
      findings: [{ line: 4, column: 14, endLine: 4, endColumn: 25, message: 'mkdir changes /cache/pkgs, inside VOLUME /cache (line 2): the legacy builder discards the change (BuildKit keeps it)' }],
    },
  ],
});
