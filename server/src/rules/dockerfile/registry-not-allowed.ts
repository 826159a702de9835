import { defineRule } from '../../engine/rule';
import { lintConfigFor } from '../../dockerfile/hadolint-config';

export const registryNotAllowed = defineRule({
  id: 'registry-not-allowed',
  aliases: ['DL3026'],
  severity: 'error',
  kinds: ['dockerfile'],
  fixable: false,
  docs: {
    summary: 'FROM pulls an image from a registry that is not in the project\'s list of trusted registries.',
    why: 'Organisations that mirror and scan their base images list the registries builds may pull from; an image from elsewhere skips those checks and may not be reachable from the build farm.',
    bad: '# .hadolint.yaml: trustedRegistries: [registry.example.com]\nFROM docker.io/library/node:22-slim',
    good: '# .hadolint.yaml: trustedRegistries: [registry.example.com]\nFROM registry.example.com/library/node:22-slim',
    notes:
      'Reads `trustedRegistries` from a `.hadolint.yaml` (or `.yml`) next to the Dockerfile or in a parent folder; without that list the rule reports nothing. Images without a registry count as `docker.io`; `*.example.com` matches subdomains. Stages of the file, `scratch` and images with variables are not judged.',
  },
  check({ model, report, files, settings }) {
    const config = lintConfigFor({ settings, files });
    const allowed = config?.trustedRegistries;
    if (!allowed || allowed.length === 0) return;
    for (const stage of model.stages) {
      if (stage.baseStage || !stage.image || !stage.imageWord || stage.image.hasVariable) continue;
      if (stage.image.repository === 'scratch' && !stage.image.registry) continue;
      const registry = stage.image.registry ?? 'docker.io';
      const ok = allowed.some((pattern) => matches(pattern, registry));
      if (ok) continue;
      report({ range: stage.imageWord.range, message: `Registry "${registry}" is not in the trusted registries (${allowed.join(', ')})` });
    }
  },
});

function matches(pattern: string, registry: string): boolean {
  const p = pattern.toLowerCase();
  const r = registry.toLowerCase();
  if (p === r) return true;
  if ((p === 'docker.io' || p === 'hub.docker.com' || p === 'index.docker.io') && (r === 'docker.io' || r === 'index.docker.io' || r === 'registry-1.docker.io')) return true;
  if (p.startsWith('*.')) return r.endsWith(p.slice(1));
  if (p === '*') return true;
  return false;
}
