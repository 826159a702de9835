import { buildFacts } from '../../compose/build-facts';
import { originNote, reportRange } from '../../compose/model';
import { portNumbers, publishedPorts } from '../../compose/ports';
import { defineRule } from '../../engine/rule';

export const composePortNotExposed = defineRule({
  id: 'compose-port-not-exposed',
  aliases: [],
  severity: 'hint',
  kinds: ['compose'],
  fixable: false,
  docs: {
    summary: 'A service publishes a container port that the Dockerfile it builds does not EXPOSE (while it EXPOSEs others).',
    why: 'EXPOSE documents where the program listens. Publishing a different port usually means one of them is stale: the mapping leads nowhere and the service is unreachable.',
    bad: 'services:\n  api:\n    build: .\n    ports: ["127.0.0.1:8080:8080"]\n    # Dockerfile: EXPOSE 3000',
    good: 'services:\n  api:\n    build: .\n    ports: ["127.0.0.1:8080:3000"]',
    notes: 'Only checked when the Dockerfile is readable and EXPOSEs at least one port.',
  },
  check({ model, report, files }) {
    for (const service of model.services) {
      const facts = buildFacts(service, files);
      if (!facts || facts.exposes.length === 0) continue;
      const exposed = new Set(facts.exposes.flatMap((p) => portNumbers(p)));
      if (exposed.size === 0) continue;
      for (const port of publishedPorts(service)) {
        const numbers = portNumbers(port.containerPort);
        if (numbers.length === 0 || numbers.some((n) => exposed.has(n))) continue;
        report({
          range: reportRange(port.item),
          message: `Service "${service.name}" publishes container port ${port.containerPort}, but its Dockerfile (${facts.path}) EXPOSEs ${facts.exposes.join(', ')}${originNote(port.item)}`,
        });
      }
    }
  },
});
