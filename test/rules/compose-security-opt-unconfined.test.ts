import { composeSecurityOptUnconfined } from '../../server/src/rules/compose/compose-security-opt-unconfined';
import { ruleTable } from '../rule-table';

ruleTable(composeSecurityOptUnconfined, {
  valid: [
    'services:\n  app:\n    image: example/app:1.4\n    security_opt: ["no-new-privileges:true", "seccomp:./profile.json"]\n',
    { name: 'a profile as the default of a variable', code: 'services:\n  app:\n    image: example/app:1.4\n    security_opt: ["seccomp:${SECCOMP_PROFILE:-./profile.json}"]\n' },
    { name: 'a profile only the environment gives', code: 'services:\n  app:\n    image: example/app:1.4\n    security_opt: ["seccomp:${SECCOMP_PROFILE}"]\n' },
  ],
  invalid: [
    {
      name: 'the only item: security_opt goes',
      code: 'services:\n  app:\n    image: example/app:1.4\n    security_opt:\n      - seccomp:unconfined\n',
      findings: [{ line: 5, column: 9, endLine: 5, endColumn: 27, message: 'Service "app" runs with seccomp:unconfined: the kernel confinement Docker applies by default is off' }],
      output: 'services:\n  app:\n    image: example/app:1.4\n',
    },
    {
      name: 'flow list: the items and their commas go',
      code: 'services:\n  app:\n    image: example/app:1.4\n    security_opt: ["no-new-privileges:true", "apparmor=unconfined", label:disable]\n',
      findings: [
        { line: 4, column: 46, endLine: 4, endColumn: 67, message: 'Service "app" runs with apparmor=unconfined: the kernel confinement Docker applies by default is off' },
        { line: 4, column: 69, endLine: 4, endColumn: 82, message: 'Service "app" runs with label:disable: the kernel confinement Docker applies by default is off' },
      ],
      output: 'services:\n  app:\n    image: example/app:1.4\n    security_opt: ["no-new-privileges:true"]\n',
    },
    {
      name: 'block list: the line goes',
      code: 'services:\n  app:\n    image: example/app:1.4\n    security_opt:\n      - seccomp=unconfined\n      - no-new-privileges:true\n    read_only: true\n',
      findings: [{ line: 5, column: 9, endLine: 5, endColumn: 27, message: 'Service "app" runs with seccomp=unconfined: the kernel confinement Docker applies by default is off' }],
      output: 'services:\n  app:\n    image: example/app:1.4\n    security_opt:\n      - no-new-privileges:true\n    read_only: true\n',
    },
    {
      name: 'unconfined as the default of a variable',
      code: 'services:\n  app:\n    image: example/app:1.4\n    security_opt:\n      - no-new-privileges:true\n      - seccomp:${SECCOMP:-unconfined}\n',
      findings: [{ line: 6, column: 9, endLine: 6, endColumn: 39, message: 'Service "app" runs with seccomp:unconfined: the kernel confinement Docker applies by default is off' }],
      output: 'services:\n  app:\n    image: example/app:1.4\n    security_opt:\n      - no-new-privileges:true\n',
    },
  ],
});
