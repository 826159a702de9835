import { buildFacts } from '../../compose/build-facts';
import { defaultedText, isPartialService, isTrue, originNote, reportRange, serviceRange } from '../../compose/model';
import { defineRule } from '../../engine/rule';

export const composeHealthcheckMissing = defineRule({
  id: 'compose-healthcheck-missing',
  aliases: ['Healthcheck Not Set'],
  severity: 'info',
  kinds: ['compose'],
  fixable: false,
  docs: {
    summary: 'A service has no healthcheck (and its Dockerfile none either), or turns it off with `disable: true` or `test: ["NONE"]`.',
    why: 'Without a healthcheck Docker only knows whether the process runs, not whether it answers: `depends_on: condition: service_healthy` cannot work, a hung service is never marked unhealthy, and orchestrators route traffic to it.',
    bad: 'services:\n  api:\n    image: example/api:2.3',
    good: 'services:\n  api:\n    image: example/api:2.3\n    healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://localhost:8080/health"]\n      interval: 30s\n      timeout: 5s',
    notes: 'A HEALTHCHECK in the Dockerfile the service builds counts. For a service with only `image:` the image may define one: the finding is info for that reason (KICS rates it medium).',
  },
  check({ model, report, files }) {
    for (const service of model.services) {
      const entry = service.get('healthcheck');
      if (entry?.value?.type === 'map') {
        const map = entry.value;
        const disable = map.get('disable');
        if (disable && isTrue(disable.value)) {
          report({ range: reportRange(disable), message: `The healthcheck of service "${service.name}" is disabled${originNote(disable)}` });
          continue;
        }
        const test = map.get('test');
        const first = test?.value?.type === 'seq' ? test.value.items[0] : test?.value;
        if (test && defaultedText(first)?.text.toUpperCase() === 'NONE') {
          report({ range: reportRange(test), message: `The healthcheck of service "${service.name}" is disabled (test: NONE)${originNote(test)}` });
        }
        continue;
      }
      if (entry || isPartialService(service)) continue;
      const facts = buildFacts(service, files);
      if (facts?.healthcheck === 'set') continue;
      report({
        range: serviceRange(service),
        message:
          facts?.healthcheck === 'none'
            ? `Service "${service.name}" has no healthcheck and its Dockerfile (${facts.path}) turns it off (HEALTHCHECK NONE)`
            : facts
              ? `Service "${service.name}" has no healthcheck, and its Dockerfile (${facts.path}) has no HEALTHCHECK`
              : `Service "${service.name}" has no healthcheck`,
      });
    }
  },
});
