import { buildFacts, isRootUser } from '../../compose/build-facts';
import { defaultedText, isPartialService, originNote, reportRange, serviceRange } from '../../compose/model';
import { defineRule } from '../../engine/rule';

export const composeUserRoot = defineRule({
  id: 'compose-user-root',
  aliases: [],
  severity: 'warning',
  kinds: ['compose'],
  fixable: false,
  docs: {
    summary: 'A service runs as root: `user: root` (or 0), or no `user:` while the Dockerfile it builds has no USER either.',
    why: 'Root in the container is root on the host kernel: one container escape or writable host mount and the host is lost. Run as an unprivileged user, set in the Dockerfile (USER) or here (user: "10001:10001").',
    bad: 'services:\n  api:\n    build: .\n    # Dockerfile: FROM node:22-slim … CMD ["node", "server.js"] (no USER)',
    good: 'services:\n  api:\n    build: .\n    user: "10001:10001"',
    notes: 'Without a readable Dockerfile (a service with only `image:`) the image\'s own user is unknown, so a missing `user:` is not reported. The Dockerfile is the one `build:` names (context and dockerfile, or dockerfile_inline); `build.target` picks the stage. A Dockerfile without USER built on an image that runs as non-root by default (distroless `:nonroot`, Chainguard, `nginxinc/nginx-unprivileged`, Bitnami…, as for final-user-root) passes.',
  },
  check({ model, report, files }) {
    for (const service of model.services) {
      const entry = service.get('user');
      // `user: ${APP_USER:-root}` runs as root unless the environment says otherwise.
      const user = defaultedText(entry?.value)?.text;
      if (entry && user !== undefined) {
        if (isRootUser(user)) report({ range: reportRange(entry), message: `Service "${service.name}" runs as ${user}: the container runs as root${originNote(entry)}` });
        continue;
      }
      if (isPartialService(service)) continue;
      const facts = buildFacts(service, files);
      if (!facts) continue;
      if (facts.user === null) {
        // A base image that runs as non-root (distroless :nonroot, Chainguard…) needs no USER.
        if (facts.nonRootBase) continue;
        report({ range: serviceRange(service), message: `Service "${service.name}" has no user: and its Dockerfile (${facts.path}) has no USER: the container runs as root` });
      } else if (isRootUser(facts.user)) {
        report({ range: serviceRange(service), message: `Service "${service.name}" has no user: and its Dockerfile (${facts.path}) ends with USER ${facts.user}: the container runs as root` });
      }
    }
  },
});
