import { composeDangerousCapability } from '../../server/src/rules/compose/compose-dangerous-capability';
import { ruleTable } from '../rule-table';

ruleTable(composeDangerousCapability, {
  valid: ['services:\n  web:\n    image: nginx:1.27\n    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE, CHOWN]\n'],
  invalid: [
    {
      code: 'services:\n  vpn:\n    image: example/vpn:3\n    cap_add:\n      - NET_ADMIN\n      - CAP_SYS_ADMIN\n      - CHOWN\n',
      findings: [
        { line: 5, column: 9, endLine: 5, endColumn: 18, message: 'Service "vpn" adds capability NET_ADMIN' },
        { line: 6, column: 9, endLine: 6, endColumn: 22, message: 'Service "vpn" adds capability SYS_ADMIN, which is as good as root on the host', severity: 'error' },
      ],
    },
    {
      code: 'services:\n  debug:\n    image: example/debug:1\n    cap_add: [all]\n',
      findings: [{ line: 4, column: 15, endLine: 4, endColumn: 18, message: 'Service "debug" adds capability ALL, which is as good as root on the host', severity: 'error' }],
    },
    {
      name: 'a capability as the default of a variable',
      code: 'services:\n  debug:\n    image: example/debug:1\n    cap_add: ["${EXTRA_CAP:-SYS_PTRACE}"]\n',
      findings: [{ line: 4, column: 15, endLine: 4, endColumn: 41, message: 'Service "debug" adds capability SYS_PTRACE' }],
    },
  ],
});
