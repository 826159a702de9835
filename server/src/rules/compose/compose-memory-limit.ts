import { isPartialService, serviceRange, type ComposeService, type YamlEntry } from '../../compose/model';
import { defineRule } from '../../engine/rule';

/** `deploy.resources.limits.<key>`, if set. */
export function deployLimit(service: ComposeService, key: string): YamlEntry | undefined {
  const deploy = service.get('deploy')?.value;
  const resources = deploy?.type === 'map' ? deploy.get('resources')?.value : undefined;
  const limits = resources?.type === 'map' ? resources.get('limits')?.value : undefined;
  return limits?.type === 'map' ? limits.get(key) : undefined;
}

export const composeMemoryLimit = defineRule({
  id: 'compose-memory-limit',
  aliases: ['Memory Not Limited'],
  severity: 'warning',
  kinds: ['compose'],
  fixable: false,
  docs: {
    summary: 'A service has no memory limit (`deploy.resources.limits.memory` or `mem_limit`).',
    why: 'Without a limit one leaking or attacked container takes all the host\'s memory, and the kernel\'s OOM killer picks its victims among every process on the host, the other services and the Docker daemon included.',
    bad: 'services:\n  api:\n    image: example/api:2.3',
    good: 'services:\n  api:\n    image: example/api:2.3\n    deploy:\n      resources:\n        limits:\n          memory: 512M',
    notes: 'There is no fix: the right limit depends on the service.',
  },
  check({ model, report }) {
    for (const service of model.services) {
      if (isPartialService(service) || service.get('mem_limit') || deployLimit(service, 'memory')) continue;
      report({ range: serviceRange(service), message: `Service "${service.name}" has no memory limit` });
    }
  },
});
