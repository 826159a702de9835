import { pipNoCacheDir } from '../../server/src/rules/dockerfile/pip-no-cache-dir';
import { ruleTable } from '../rule-table';

ruleTable(pipNoCacheDir, {
  valid: [
    'FROM python:3.12\nRUN pip install --no-cache-dir flask\n',
    'FROM python:3.12\nRUN pip --no-cache-dir install flask\n',
    'FROM python:3.12\nRUN pip install --no-cache /wheels/*\n',
    'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n',
    'FROM python:3.12\nARG PIP_NO_CACHE_DIR=true\nRUN pip install flask\n',
    'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n',
    'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n',
    'FROM python:3.12\nRUN --mount=type=cache,target=/cache pip install --cache-dir=/cache/pip flask\n',
    'FROM python:3.12\nRUN uv pip install --system flask && pipx install black\n',
    'FROM python:3.12 AS build\nRUN pip wheel -w /wheels flask && pip install x\nFROM python:3.12-slim\nCOPY --from=build /wheels /wheels\n',
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nRUN pip install -r requirements.txt\n',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 16, message: '`pip install` without --no-cache-dir keeps pip\'s download cache in the image', severity: 'info' }],
      output: 'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n',
    },
    {
      name: 'python -m pip and pip3.12, cache dir outside any mount',
      code: 'FROM python:3.12\nRUN python3 -m pip install -U pip && pip3.12 install --cache-dir /tmp/c x\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 27, message: '`python -m pip install` without --no-cache-dir keeps pip\'s download cache in the image', severity: 'info' },
        { line: 2, column: 38, endLine: 2, endColumn: 53, message: '`pip3.12 install` without --no-cache-dir keeps pip\'s download cache in the image', severity: 'info' },
      ],
      output: 'FROM python:3.12\nRUN python3 -m pip install --no-cache-dir -U pip && pip3.12 install --no-cache-dir --cache-dir /tmp/c x\n',
    },
  ],
});
