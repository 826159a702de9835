import { composeHostNamespace } from '../../server/src/rules/compose/compose-host-namespace';
import { ruleTable } from '../rule-table';

ruleTable(composeHostNamespace, {
  valid: [
    'services:\n  app:\n    image: example/app:1.4\n    network_mode: "service:vpn"\n    ipc: shareable\n    pid: "container:other"\n',
  ],
  invalid: [
    {
      code: 'services:\n  app:\n    image: example/app:1.4\n    network_mode: host\n    pid: "host"\n    ipc: shareable\n    userns_mode: host\n',
      findings: [
        { line: 4, column: 5, endLine: 4, endColumn: 23, message: 'Service "app" shares the host\'s network namespace (network_mode: host)' },
        { line: 5, column: 5, endLine: 5, endColumn: 16, message: 'Service "app" shares the host\'s process (PID) namespace (pid: host)' },
        { line: 7, column: 5, endLine: 7, endColumn: 22, message: 'Service "app" shares the host\'s user namespace (userns_mode: host)' },
      ],
    },
  ],
});
