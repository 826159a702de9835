import { composeDuplicateContainerName } from '../../server/src/rules/compose/compose-duplicate-container-name';
import { ruleTable } from '../rule-table';

ruleTable(composeDuplicateContainerName, {
  valid: ['services:\n  web:\n    image: nginx:1.27\n    container_name: web\n  api:\n    image: example/api:1\n    container_name: ${API_NAME}\n  worker:\n    image: example/api:1\n    container_name: ${API_NAME}\n'],
  invalid: [
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    container_name: web\n  admin:\n    image: example/admin:1\n    container_name: "web"\n',
      findings: [{ line: 7, column: 21, endLine: 7, endColumn: 26, message: 'container_name "web" is also used by service "web" (line 4): the second container cannot be created' }],
    },
  ],
});
