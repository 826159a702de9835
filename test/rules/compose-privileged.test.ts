import { composePrivileged } from '../../server/src/rules/compose/compose-privileged';
import { ruleTable } from '../rule-table';
import { withQuickFixesPreferred } from './quick-fix';

ruleTable(composePrivileged, {
  valid: [
    'services:\n  app:\n    image: example/app:1.4\n    privileged: false\n',
    'services:\n  app:\n    image: example/app:1.4\n    privileged: ${PRIVILEGED}\n',
    { name: 'false as the default of a variable', code: 'services:\n  app:\n    image: example/app:1.4\n    privileged: "${PRIVILEGED:-false}"\n' },
    { name: 'a pragma above the key', code: 'services:\n  app:\n    image: example/app:1.4\n    # shipshape ignore=compose-privileged\n    privileged: true\n' },
    { name: 'a pragma above the service covers its whole block', code: 'services:\n  # shipshape ignore=compose-privileged\n  app:\n    image: example/app:1.4\n    privileged: true\n' },
  ],
  invalid: [
    {
      name: 'a YAML error on the line below: no fix (it would move into the removed line\'s place)',
      code: 'services:\n app:\n    privileged: true\n  privileged: true\n',
      findings: [{ line: 3, column: 5, endLine: 3, endColumn: 21, severity: 'error', message: 'Service "app" runs privileged: it gets every capability and all host devices' }],
      fixTitles: [],
    },
    {
      code: 'services:\n  app:\n    image: example/app:1.4\n    privileged: true\n    restart: always\n',
      findings: [{ line: 4, column: 5, endLine: 4, endColumn: 21, message: 'Service "app" runs privileged: it gets every capability and all host devices' }],
      fixTitles: ['Remove privileged: true'],
    },
    {
      name: 'through a merge key: reported where it is used, no fix',
      code: 'x-base: &base\n  privileged: true\nservices:\n  app:\n    <<: *base\n    image: example/app:1.4\n',
      findings: [{ line: 5, column: 5, endLine: 5, endColumn: 14, message: 'Service "app" runs privileged: it gets every capability and all host devices (from &base on line 2)' }],
    },
    {
      name: 'last line without a newline, CRLF, comment above kept',
      code: 'services:\r\n  app:\r\n    image: example/app:1.4\r\n    # needs the GPU\r\n    privileged: true',
      findings: [{ line: 5, column: 5, endLine: 5, endColumn: 21, message: 'Service "app" runs privileged: it gets every capability and all host devices' }],
    },
  ],
});

// The quick fix (editor only) removes the line and keeps comments, indentation and line endings.
ruleTable(withQuickFixesPreferred(composePrivileged), {
  valid: [],
  invalid: [
    {
      code: 'services:\n  app:\n    image: example/app:1.4\n    privileged: true\n    restart: always\n',
      findings: [{ line: 4, column: 5, endLine: 4, endColumn: 21, message: 'Service "app" runs privileged: it gets every capability and all host devices' }],
      output: 'services:\n  app:\n    image: example/app:1.4\n    restart: always\n',
    },
    {
      name: 'last line without a newline, CRLF, comment above kept',
      code: 'services:\r\n  app:\r\n    image: example/app:1.4\r\n    # needs the GPU\r\n    privileged: true',
      findings: [{ line: 5, column: 5, endLine: 5, endColumn: 21, message: 'Service "app" runs privileged: it gets every capability and all host devices' }],
      output: 'services:\r\n  app:\r\n    image: example/app:1.4\r\n    # needs the GPU',
    },
  ],
});
