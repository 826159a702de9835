import { defineRule } from '../../engine/rule';
import { commandOrders, reportMissingClean } from '../../dockerfile/package-checks';

export const yarnCacheClean = defineRule({
  id: 'yarn-cache-clean',
  aliases: ['DL3060'],
  severity: 'info',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: true,
  docs: {
    summary: 'A RUN runs `yarn install` but not `yarn cache clean` afterwards.',
    why: 'Yarn (v1) keeps a copy of every downloaded package in its cache folder; left in the layer it roughly doubles the size of node_modules in the image.',
    bad: 'FROM node:22-slim\nRUN yarn install --frozen-lockfile',
    good: 'FROM node:22-slim\nRUN yarn install --frozen-lockfile && yarn cache clean',
    notes: 'A cache mount on the Yarn cache (/usr/local/share/.cache/yarn, /root/.cache/yarn, /root/.yarn) or removing it counts. Build stages whose node_modules are copied elsewhere are reported too, as in hadolint; set the rule off for them.',
  },
  check({ model, report }) {
    reportMissingClean(model, report, {
      manager: 'yarn',
      installSubcommands: ['install', 'add'],
      cleans: (script) => commandOrders(script, (w) => w[0] === 'yarn' && w.includes('cache') && w.includes('clean')),
      cacheDirs: ['/usr/local/share/.cache/yarn', '/root/.cache/yarn', '/root/.yarn', '/usr/local/share/.cache', '/root/.cache'],
      cleanCommand: 'yarn cache clean',
    });
  },
});
