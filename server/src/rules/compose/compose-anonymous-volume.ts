import { buildFacts } from '../../compose/build-facts';
import { serviceRange } from '../../compose/model';
import { serviceMounts } from '../../compose/volumes';
import { defineRule } from '../../engine/rule';

function normalize(path: string): string {
  return path.replace(/\/+$/, '') || '/';
}

export const composeAnonymousVolume = defineRule({
  id: 'compose-anonymous-volume',
  aliases: [],
  severity: 'warning',
  kinds: ['compose'],
  fixable: false,
  docs: {
    summary: 'The Dockerfile a service builds declares a VOLUME that the service mounts nothing on, so the data lives in an anonymous volume.',
    why: 'Docker creates a new anonymous volume for every VOLUME nobody mounts. `docker compose down` leaves it behind unnamed and the next `up` after a `down` starts with an empty one: the data seems lost, and orphaned volumes fill the disk.',
    bad: 'services:\n  db:\n    build: ./db\n    # db/Dockerfile: VOLUME /var/lib/data',
    good: 'services:\n  db:\n    build: ./db\n    volumes:\n      - db-data:/var/lib/data\nvolumes:\n  db-data:',
    notes: 'Only services with a readable Dockerfile (via `build:`) are checked; images pulled from a registry may declare volumes the linter cannot see.',
  },
  check({ model, report, files }) {
    for (const service of model.services) {
      const facts = buildFacts(service, files);
      if (!facts || facts.volumes.length === 0 || service.get('volumes_from')) continue;
      const targets = new Set(serviceMounts(service).filter((m) => m.source !== null && m.target).map((m) => normalize(m.target!)));
      const tmpfs = service.get('tmpfs')?.value;
      if (tmpfs?.type === 'seq') for (const item of tmpfs.items) if (item.type === 'scalar') targets.add(normalize(item.text.split(':')[0]));
      if (tmpfs?.type === 'scalar') targets.add(normalize(tmpfs.text.split(':')[0]));
      for (const volume of facts.volumes) {
        if (targets.has(normalize(volume))) continue;
        report({
          range: serviceRange(service),
          message: `The Dockerfile of service "${service.name}" (${facts.path}) declares VOLUME ${volume}, but the service mounts nothing there: its data lives in an anonymous volume`,
        });
      }
    }
  },
});
