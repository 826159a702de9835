import { composeDockerSocket } from '../../server/src/rules/compose/compose-docker-socket';
import { ruleTable } from '../rule-table';

ruleTable(composeDockerSocket, {
  valid: [
    'services:\n  proxy:\n    image: traefik:v3.1\n    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml:ro\n      - certs:/certs\n',
    'services:\n  proxy:\n    image: traefik:v3.1\n    volumes:\n      - docker.sock:/var/run/docker.sock\n',
  ],
  invalid: [
    {
      code: 'services:\n  proxy:\n    image: traefik:v3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n',
      findings: [{ line: 5, column: 9, endLine: 5, endColumn: 53, message: 'Service "proxy" mounts the container runtime socket /var/run/docker.sock: control of it is root on the host' }],
    },
    {
      name: 'long syntax, podman socket',
      code: 'services:\n  ci:\n    image: example/runner:2\n    volumes:\n      - type: bind\n        source: /run/podman/podman.sock\n        target: /var/run/docker.sock\n',
      findings: [{ line: 5, column: 9, endLine: 7, endColumn: 37, message: 'Service "ci" mounts the container runtime socket /run/podman/podman.sock: control of it is root on the host' }],
    },
    {
      name: 'interpolated with a default',
      code: 'services:\n  ci:\n    image: example/runner:2\n    volumes: ["${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock"]\n',
      findings: [{ line: 4, column: 15, endLine: 4, endColumn: 74, message: 'Service "ci" mounts the container runtime socket /var/run/docker.sock: control of it is root on the host' }],
    },
  ],
});
