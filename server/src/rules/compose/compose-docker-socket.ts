import { originNote, reportRange } from '../../compose/model';
import { serviceMounts } from '../../compose/volumes';
import { defineRule } from '../../engine/rule';

const SOCKET = /(^|\/)(docker|podman|containerd|crio|dockershim)\.sock$/;

export const composeDockerSocket = defineRule({
  id: 'compose-docker-socket',
  aliases: ['Docker Socket Mounted In Container'],
  severity: 'error',
  kinds: ['compose'],
  fixable: false,
  docs: {
    summary: 'A service mounts the Docker (or another container runtime) socket.',
    why: 'Whoever can talk to the Docker socket can start a privileged container with the host\'s root file system mounted: the socket is root on the host. `:ro` does not help, a socket is not a file you write to.',
    bad: 'services:\n  proxy:\n    image: traefik:v3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro',
    good: 'services:\n  proxy:\n    image: traefik:v3.1\n    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml:ro',
    notes: 'Tools that need the Docker API (reverse proxies, CI runners) are better served by a socket proxy that allows only the calls they make, e.g. read-only container listing.',
  },
  check({ model, report }) {
    for (const service of model.services) {
      for (const mount of serviceMounts(service)) {
        if (mount.type !== 'bind' || !mount.source || !SOCKET.test(mount.source)) continue;
        report({
          range: reportRange(mount.item),
          message: `Service "${service.name}" mounts the container runtime socket ${mount.source}: control of it is root on the host${originNote(mount.item)}`,
        });
      }
    }
  },
});
