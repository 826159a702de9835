import { pipOutsideVenv } from '../../server/src/rules/dockerfile/pip-outside-venv';
import { ruleTable } from '../rule-table';

const message = (shown: string, venv: string) =>
  `\`${shown} install\` runs the system pip, not the one of the virtual environment ${venv}: the packages land outside the venv`;

ruleTable(pipOutsideVenv, {
  valid: [
    'FROM python:3.12-slim\nRUN pip install flask\n',
    'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nRUN pip install flask\n',
    'FROM python:3.12-slim\nENV VIRTUAL_ENV=/opt/venv\nRUN python3 -m venv $VIRTUAL_ENV\nENV PATH="$VIRTUAL_ENV/bin:$PATH"\nRUN pip install flask\n',
    'FROM python:3.12-slim\nRUN python -m venv /opt/venv && . /opt/venv/bin/activate && pip install flask\n',
    'FROM python:3.12-slim\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install flask && /opt/venv/bin/python -m pip install x\n',
    'FROM python:3.12-slim\nRUN pip install virtualenv && virtualenv /venv\n',
    'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nRUN pip install --target /opt/deps flask\n',
    'FROM python:3.12-slim AS build\nRUN python -m venv /opt/venv\nFROM python:3.12-slim\nRUN pip install flask\n',
    'FROM python:3.12-slim\nWORKDIR /app\nRUN python -m venv .venv\nENV PATH="/app/.venv/bin:$PATH"\nRUN pip install flask\n',
    'FROM python:3.12-slim\nRUN python -m venv /opt/venv/\nENV PATH=/opt/venv//bin:$PATH\nRUN pip install flask\n',
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nRUN pip install flask\n',
      findings: [{ line: 3, column: 5, endLine: 3, endColumn: 16, message: message('pip', '/opt/venv') }],
      output: 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nRUN /opt/venv/bin/pip install flask\n',
      fixTitles: ["Use the venv's pip (/opt/venv/bin/pip)", 'Put the venv first on PATH (ENV PATH="/opt/venv/bin:$PATH")'],
    },
    {
      name: 'same RUN, python -m pip, venv at the end of PATH',
      code: 'FROM python:3.12-slim\nENV PATH="$PATH:/venv/bin"\nRUN virtualenv -p python3 /venv && python3 -m pip install flask\n',
      findings: [{ line: 3, column: 36, endLine: 3, endColumn: 58, message: message('python -m pip', '/venv') }],
      output: 'FROM python:3.12-slim\nENV PATH="$PATH:/venv/bin"\nRUN virtualenv -p python3 /venv && /venv/bin/python -m pip install flask\n',
    },
    {
      name: 'venv in the base stage, written with a variable',
      code: 'FROM python:3.12-slim AS base\nARG VENV=/opt/app\nRUN python -m venv "$VENV"\nFROM base\nRUN pip3 install gunicorn\n',
      findings: [{ line: 5, column: 5, endLine: 5, endColumn: 17, message: message('pip3', '/opt/app') }],
      output: 'FROM python:3.12-slim AS base\nARG VENV=/opt/app\nRUN python -m venv "$VENV"\nFROM base\nRUN "$VENV"/bin/pip install gunicorn\n',
    },
    {
      name: 'venv written quoted with a trailing slash: the fixes write X/bin, and ENV keeps one pair of quotes',
      code: 'FROM python:3.12-slim\nRUN python -m venv "/opt/venv/"\nRUN pip install flask\n',
      findings: [{ line: 3, column: 5, endLine: 3, endColumn: 16, message: message('pip', '/opt/venv') }],
      output: 'FROM python:3.12-slim\nRUN python -m venv "/opt/venv/"\nRUN "/opt/venv"/bin/pip install flask\n',
      fixTitles: ['Use the venv\'s pip ("/opt/venv"/bin/pip)', 'Put the venv first on PATH (ENV PATH="/opt/venv/bin:$PATH")'],
    },
  ],
});
