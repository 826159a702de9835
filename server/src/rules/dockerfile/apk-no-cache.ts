import { defineRule } from '../../engine/rule';
import {
  findInvocations,
  hasAnyFlag,
  hasCacheMountCovering,
  insertAfterWord,
  removesPath,
  shippedRuns,
} from '../../dockerfile/package-commands';

export const apkNoCache = defineRule({
  id: 'apk-no-cache',
  aliases: ['DL3019', 'AVD-DS-0025'],
  severity: 'info',
  kinds: ['dockerfile'],
  fixable: true,
  docs: {
    summary: '`apk add` without `--no-cache` leaves the package index in the image.',
    why:
      'apk downloads the repository index into /var/cache/apk and keeps it: a few megabytes per layer that the running container never reads. `--no-cache` fetches the index to a temporary place instead, with no need for `apk update` before or `rm -rf /var/cache/apk/*` after.',
    bad: 'FROM alpine:3.20\nRUN apk add curl',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl',
    notes:
      'Not reported when the RUN mounts a cache at /var/cache/apk (or /etc/apk/cache), when it removes /var/cache/apk/* itself, for `apk add --no-network` (installs from what is already there, downloads nothing), or in a build stage whose layers are not part of the final image. Info rather than a warning: leftover cache makes the image bigger, not less safe.',
  },
  check({ model, report }) {
    for (const { run, script } of shippedRuns(model)) {
      if (hasCacheMountCovering(run, '/var/cache/apk') || hasCacheMountCovering(run, '/etc/apk/cache')) continue;
      if (removesPath(script, '/var/cache/apk')) continue;
      for (const inv of findInvocations(script, 'apk', 'add')) {
        if (hasAnyFlag([...inv.globalArgs, ...inv.args], null, '--no-cache', '--no-network')) continue;
        const sub = inv.subcommand!;
        report({
          range: script.rangeOf(inv.program.start, sub.end),
          message: '`apk add` without --no-cache keeps the package index in the image',
          fixes: [{ title: 'Add --no-cache', isPreferred: true, edits: [insertAfterWord(script, sub, ' --no-cache')] }],
        });
      }
    }
  },
});
