import { composeSensitiveHostPath } from '../../server/src/rules/compose/compose-sensitive-host-path';
import { ruleTable } from '../rule-table';
import { withQuickFixesPreferred } from './quick-fix';

ruleTable(composeSensitiveHostPath, {
  valid: [
    'services:\n  app:\n    image: example/app:1.4\n    volumes:\n      - ./data:/data\n      - /etc/localtime:/etc/localtime:ro\n      - /srv/app:/srv/app\n      - /var/run/docker.sock:/var/run/docker.sock\n',
    { name: 'a service\'s own configuration folder, read-only', code: 'services:\n  proxy:\n    image: example/proxy:3.1\n    volumes:\n      - /etc/proxy/certs:/etc/proxy/certs:ro\n      - /usr/share/proxy/plugins:/plugins:ro\n' },
    { name: 'a project below the home folder, and a folder named like a credentials one elsewhere', code: 'services:\n  dev:\n    image: example/dev:1\n    volumes:\n      - ~/src/app:/app\n      - ${HOME}/.cache/pip:/root/.cache/pip\n      - ./.ssh:/fixtures/ssh:ro\n' },
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
    {
      name: 'credentials folders of the home folder: ~, $HOME and ${HOME}',
      code: 'services:\n  deploy:\n    image: example/deploy:1\n    volumes:\n      - ~/.ssh:/root/.ssh\n      - "$HOME/.aws:/root/.aws:ro"\n      - ${HOME}/.kube/config:/root/.kube/config:ro\n      - type: bind\n        source: ~/.docker\n        target: /root/.docker\n',
      findings: [
        { line: 5, column: 9, endLine: 5, endColumn: 26, message: 'Service "deploy" mounts the host\'s ~/.ssh read-write: it holds SSH keys' },
        { line: 6, column: 9, endLine: 6, endColumn: 35, message: 'Service "deploy" mounts the host\'s ~/.aws (read-only): it holds AWS credentials' },
        { line: 7, column: 9, endLine: 7, endColumn: 51, message: 'Service "deploy" mounts the host\'s ~/.kube/config (read-only): it holds Kubernetes credentials' },
        { line: 8, column: 9, endLine: 10, endColumn: 30, message: 'Service "deploy" mounts the host\'s ~/.docker read-write: it holds registry credentials' },
      ],
      fixTitles: ['Mount it read-only'],
    },
    {
      name: 'credentials folders of root and of users (Linux and macOS)',
      code: 'services:\n  ci:\n    image: example/ci:1\n    volumes:\n      - /root/.ssh:/root/.ssh\n      - /home/dev/.ssh:/home/dev/.ssh:ro\n      - /Users/dev/.config/gcloud:/gcloud:ro\n      - /home/dev/.git-credentials:/root/.git-credentials:ro\n',
      findings: [
        { line: 5, column: 9, endLine: 5, endColumn: 30, message: 'Service "ci" mounts the host\'s /root/.ssh read-write: the container can change the host', severity: 'error' },
        { line: 6, column: 9, endLine: 6, endColumn: 41, message: 'Service "ci" mounts the host\'s /home/dev/.ssh (read-only): it holds SSH keys' },
        { line: 7, column: 9, endLine: 7, endColumn: 45, message: 'Service "ci" mounts the host\'s /Users/dev/.config/gcloud (read-only): it holds Google Cloud credentials' },
        { line: 8, column: 9, endLine: 8, endColumn: 61, message: 'Service "ci" mounts the host\'s /home/dev/.git-credentials (read-only): it holds passwords' },
      ],
    },
  ],
});

// The quick fix the editor offers (not applied by --fix).
ruleTable(withQuickFixesPreferred(composeSensitiveHostPath), {
  valid: [],
  invalid: [
    {
      name: 'the whole home folder: ":ro" after a ${HOME:-…} default with a colon in it (the item gets quoted)',
      code: 'services:\n  shell:\n    image: example/shell:1\n    volumes:\n      - ${HOME:-/root}:/home/me\n      - "~/.ssh/:/root/.ssh:z"\n',
      findings: [
        { line: 5, column: 9, endLine: 5, endColumn: 32, message: 'Service "shell" mounts the host\'s ~ read-write' },
        { line: 6, column: 9, endLine: 6, endColumn: 31, message: 'Service "shell" mounts the host\'s ~/.ssh read-write: it holds SSH keys' },
      ],
      output: 'services:\n  shell:\n    image: example/shell:1\n    volumes:\n      - "${HOME:-/root}:/home/me:ro"\n      - "~/.ssh/:/root/.ssh:z,ro"\n',
    },
  ],
});
