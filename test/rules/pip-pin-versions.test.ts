import { pipPinVersions } from '../../server/src/rules/dockerfile/pip-pin-versions';
import { ruleTable } from '../rule-table';

ruleTable(pipPinVersions, {
  valid: [
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3 "requests>=2.31" ./pkg -r requirements.txt\n',
    'FROM python:3.12-slim\nRUN pip install -c constraints.txt flask\n',
    'FROM python:3.12-slim\nRUN pip install -e . git+https://github.com/x/y.git dist/app-1.0-py3-none-any.whl\n',
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask gunicorn==22.0.0\n',
      findings: [
        { line: 2, column: 32, endLine: 2, endColumn: 37, message: '"flask" is not pinned: use flask==<version> in pip install' },
      ],
    },
    {
      name: 'python -m pip and pip3 with a path',
      code: 'FROM python:3.12-slim\nRUN python3 -m pip install --upgrade pip && /usr/local/bin/pip3 install -i https://pypi.org/simple uvicorn\n',
      findings: [
        { line: 2, column: 38, endLine: 2, endColumn: 41, message: '"pip" is not pinned: use pip==<version> in python3 -m pip install' },
        { line: 2, column: 100, endLine: 2, endColumn: 107, message: '"uvicorn" is not pinned: use uvicorn==<version> in pip3 install' },
      ],
    },
  ],
});
