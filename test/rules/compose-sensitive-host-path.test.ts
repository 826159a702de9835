import { composeSensitiveHostPath } from '../../server/src/rules/compose/compose-sensitive-host-path';
import { ruleTable } from '../rule-table';

ruleTable(composeSensitiveHostPath, {
  valid: [
    'services:\n  app:\n    image: example/app:1.4\n    volumes:\n      - ./data:/data\n      - /etc/localtime:/etc/localtime:ro\n      - /srv/app:/srv/app\n      - /var/run/docker.sock:/var/run/docker.sock\n',
    { name: 'a service\'s own configuration folder, read-only', code: 'services:\n  proxy:\n    image: example/proxy:3.1\n    volumes:\n      - /etc/proxy/certs:/etc/proxy/certs:ro\n      - /usr/share/proxy/plugins:/plugins:ro\n' },
  ],
  invalid: [
    {
      name: 'a short spec with too many colons: no fix (",ro" would not make it read-only)',
      code: 'services:\n  app:\n    image: example/app:1.4\n    volumes:\n      - /usr:/usr::rw\n',
      findings: [{ line: 5, column: 9, endLine: 5, endColumn: 22, severity: 'error', message: 'Service "app" mounts the host\'s /usr read-write: the container can change the host' }],
      fixTitles: [],
    },
    {
      name: 'a YAML error on the line of the keys above the volume: no fix',
      code: 'services: : volumes:\n    - /etc:/etc\n',
      findings: [{ line: 2, column: 7, endLine: 2, endColumn: 16, severity: 'error', message: 'Service "" mounts the host\'s /etc read-write: the container can change the host' }],
      fixTitles: [],
    },
    {
      code: 'services:\n  agent:\n    image: example/agent:2.0\n    volumes:\n      - /etc:/host/etc\n      - /proc:/host/proc:ro\n',
      findings: [
        { line: 5, column: 9, endLine: 5, endColumn: 23, message: 'Service "agent" mounts the host\'s /etc read-write: the container can change the host', severity: 'error' },
        { line: 6, column: 9, endLine: 6, endColumn: 28, message: 'Service "agent" mounts the host\'s /proc (read-only)' },
      ],
      fixTitles: ['Mount it read-only'],
      output: 'services:\n  agent:\n    image: example/agent:2.0\n    volumes:\n      - /etc:/host/etc\n      - /proc:/host/proc:ro\n',
    },
    {
      name: 'the root file system with a propagation mode',
      code: 'services:\n  agent:\n    image: example/agent:2.0\n    volumes:\n      - "/:/rootfs:rslave"\n      - /var/log/:/host/log:ro\n',
      findings: [
        { line: 5, column: 9, endLine: 5, endColumn: 27, message: 'Service "agent" mounts the host\'s / read-write: the container can change the host', severity: 'error' },
        { line: 6, column: 9, endLine: 6, endColumn: 31, message: 'Service "agent" mounts the host\'s /var/log (read-only)' },
      ],
    },
    {
      name: 'read-only still reported where reading leaks: host keys, a sensitive root itself',
      code: 'services:\n  agent:\n    image: example/agent:2.0\n    volumes:\n      - /etc/ssh/keys:/keys:ro\n      - /usr:/host/usr:ro\n',
      findings: [
        { line: 5, column: 9, endLine: 5, endColumn: 31, message: 'Service "agent" mounts the host\'s /etc/ssh/keys (read-only)' },
        { line: 6, column: 9, endLine: 6, endColumn: 26, message: 'Service "agent" mounts the host\'s /usr (read-only)' },
      ],
    },
  ],
});
