import { pipExternallyManaged } from '../../server/src/rules/dockerfile/pip-externally-managed';
import { ruleTable } from '../rule-table';

const message = (shown: string, distro: string) =>
  `\`${shown} install\` fails on ${distro}: its Python is externally managed (PEP 668); use a venv or --break-system-packages`;

ruleTable(pipExternallyManaged, {
  valid: [
    'FROM python:3.12-bookworm\nRUN apt-get update && apt-get install -y python3-pip\nRUN pip install flask\n',
    'FROM debian:11\nRUN apt-get update && apt-get install -y python3-pip && pip3 install flask\n',
    'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y python3-pip && pip3 install flask\n',
    'FROM debian:12\nRUN apt-get update && apt-get install -y python3-pip && pip3 install --break-system-packages flask\n',
    'FROM debian:12\nENV PIP_BREAK_SYSTEM_PACKAGES=1\nRUN apt-get update && apt-get install -y python3-pip && pip3 install flask\n',
    'FROM debian:12\nRUN apt-get update && apt-get install -y python3-pip && rm /usr/lib/python3.*/EXTERNALLY-MANAGED\nRUN pip3 install flask\n',
    'FROM debian:12\nRUN apt-get update && apt-get install -y python3-pip python3-venv && python3 -m venv /opt/venv && /opt/venv/bin/pip install flask\n',
    'FROM debian:12\nRUN apt-get update && apt-get install -y python3-pip && pip3 install --target /opt/deps flask\n',
    'FROM alpine:3.18\nRUN apk add --no-cache py3-pip && pip install flask\n',
    'FROM debian:12\nRUN pip install flask\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y python3-pip\nRUN pip3 install flask\n',
      findings: [{ line: 3, column: 5, endLine: 3, endColumn: 17, message: message('pip3', 'Debian 12') }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y python3-pip\nRUN pip3 install --break-system-packages flask\n',
    },
    {
      name: 'ubuntu 24.04, python3 -m pip in the same RUN',
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip \\\n && python3 -m pip install -r requirements.txt\n',
      findings: [{ line: 3, column: 5, endLine: 3, endColumn: 27, message: message('python -m pip', 'Ubuntu 24.04') }],
      output: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip \\\n && python3 -m pip install --break-system-packages -r requirements.txt\n',
    },
    {
      name: 'node image on bookworm, and alpine 3.20 through a base stage',
      code: 'FROM node:22-bookworm-slim\nRUN apt-get update && apt-get install -y python3-pip && pip install awscli\nFROM alpine:3.20 AS base\nRUN apk add --no-cache py3-pip\nFROM base\nRUN pip install awscli\n',
      findings: [
        { line: 2, column: 57, endLine: 2, endColumn: 68, message: message('pip', 'Debian bookworm') },
        { line: 6, column: 5, endLine: 6, endColumn: 16, message: message('pip', 'Alpine 3.20') },
      ],
      output:
        'FROM node:22-bookworm-slim\nRUN apt-get update && apt-get install -y python3-pip && pip install --break-system-packages awscli\nFROM alpine:3.20 AS base\nRUN apk add --no-cache py3-pip\nFROM base\nRUN pip install --break-system-packages awscli\n',
    },
  ],
});
