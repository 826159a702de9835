import { composeImageTag } from '../../server/src/rules/compose/compose-image-tag';
import { ruleTable } from '../rule-table';

ruleTable(composeImageTag, {
  valid: [
    'services:\n  db:\n    image: postgres:16.4\n  web:\n    image: nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
    'services:\n  api:\n    build: .\n    image: registry.example.com/api\n',
    'services:\n  web:\n    image: nginx:${NGINX_VERSION:-1.27}\n  api:\n    image: ${API_IMAGE}\n',
    'services:\n  cache:\n    image: localhost:5000/cache:7\n',
    { name: 'a digest pins latest too', code: 'services:\n  web:\n    image: nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' },
    { name: 'a tag only the environment gives', code: 'services:\n  web:\n    image: nginx:${NGINX_TAG}\n' },
  ],
  invalid: [
    {
      code: 'services:\n  db:\n    image: postgres\n  cache:\n    image: "redis:latest"\n  web:\n    image: ${WEB_IMAGE:-nginx}\n',
      findings: [
        { line: 3, column: 12, endLine: 3, endColumn: 20, message: 'Image postgres of service "db" has no tag (it means latest): pin a version' },
        { line: 5, column: 12, endLine: 5, endColumn: 26, message: 'Image redis:latest of service "cache" uses the latest tag: pin a version' },
        { line: 7, column: 12, endLine: 7, endColumn: 31, message: 'Image nginx of service "web" has no tag (it means latest): pin a version' },
      ],
    },
    {
      name: 'a registry port is not a tag',
      code: 'services:\n  app:\n    image: localhost:5000/team/app\n',
      findings: [{ line: 3, column: 12, endLine: 3, endColumn: 35, message: 'Image localhost:5000/team/app of service "app" has no tag (it means latest): pin a version' }],
    },
    {
      name: 'a full reference with latest, and latest as the default of a variable',
      code: 'services:\n  web:\n    image: docker.io/library/nginx:latest\n  api:\n    image: example/api:${API_TAG:-latest}\n',
      findings: [
        { line: 3, column: 12, endLine: 3, endColumn: 42, message: 'Image docker.io/library/nginx:latest of service "web" uses the latest tag: pin a version' },
        { line: 5, column: 12, endLine: 5, endColumn: 42, message: 'Image example/api:latest of service "api" uses the latest tag: pin a version' },
      ],
    },
  ],
});
