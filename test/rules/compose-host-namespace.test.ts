import { composeHostNamespace } from '../../server/src/rules/compose/compose-host-namespace';
import { ruleTable } from '../rule-table';

ruleTable(composeHostNamespace, {
  valid: [
    'services:\n  app:\n    image: example/app:1.4\n    network_mode: "service:vpn"\n    ipc: shareable\n    pid: "container:other"\n',
    { name: 'a mode only the environment gives', code: 'services:\n  app:\n    image: example/app:1.4\n    pid: ${PID_MODE}\n    network_mode: ${NETWORK_MODE:-bridge}\n' },
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
    {
      name: 'ipc, uts and cgroup (any case)',
      code: 'services:\n  monitor:\n    image: example/monitor:3\n    ipc: host\n    uts: HOST\n    cgroup: host\n',
      findings: [
        { line: 4, column: 5, endLine: 4, endColumn: 14, message: 'Service "monitor" shares the host\'s IPC namespace (ipc: host)' },
        { line: 5, column: 5, endLine: 5, endColumn: 14, message: 'Service "monitor" shares the host\'s UTS (hostname) namespace (uts: host)' },
        { line: 6, column: 5, endLine: 6, endColumn: 17, message: 'Service "monitor" shares the host\'s cgroup namespace (cgroup: host)' },
      ],
    },
    {
      name: 'host as the default of a variable',
      code: 'services:\n  app:\n    image: example/app:1.4\n    network_mode: ${NETWORK_MODE:-host}\n',
      findings: [{ line: 4, column: 5, endLine: 4, endColumn: 40, message: 'Service "app" shares the host\'s network namespace (network_mode: host)' }],
    },
    {
      name: 'through a merge key: reported where it is used',
      code: 'x-host-pid: &host-pid\n  pid: host\nservices:\n  agent:\n    image: example/agent:2\n    <<: *host-pid\n',
      findings: [{ line: 6, column: 5, endLine: 6, endColumn: 18, message: 'Service "agent" shares the host\'s process (PID) namespace (pid: host) (from &host-pid on line 2)' }],
    },
  ],
});
