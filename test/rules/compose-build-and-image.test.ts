import { composeBuildAndImage } from '../../server/src/rules/compose/compose-build-and-image';
import { ruleTable } from '../rule-table';

ruleTable(composeBuildAndImage, {
  valid: [
    'services:\n  api:\n    build: .\n    image: registry.example.com/api:1\n  worker:\n    build: .\n    image: myproject_worker\n',
    'services:\n  web:\n    build: ./web\n    image: nginx:1.27\n    pull_policy: build\n',
    'services:\n  web:\n    image: nginx:1.27\n',
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    build: ./web\n    image: nginx:1.27\n    restart: always\n  api:\n    build: .\n    image: registry.example.com/api:1\n',
      findings: [{ line: 4, column: 5, endLine: 4, endColumn: 22, message: 'Service "web" builds its image but names it nginx:1.27, an official Docker Hub image: a pull replaces your build with it' }],
      output: 'services:\n  web:\n    build: ./web\n    image: nginx:1.27\n    restart: always\n    pull_policy: build\n  api:\n    build: .\n    image: registry.example.com/api:1\n',
    },
  ],
});
