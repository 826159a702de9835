import { defineRule } from '../../engine/rule';
import { reportUnpinned } from '../../dockerfile/package-checks';

export const npmPinVersions = defineRule({
  id: 'npm-pin-versions',
  aliases: ['DL3016'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: false,
  docs: {
    summary: '`npm install <package>` without a version (`typescript` instead of `typescript@<version>`).',
    why:
      'A bare package name installs the latest release on the day of the build, so rebuilds ship different code and a compromised release enters the image silently. `npm ci` with a lockfile is the reproducible way to install a project\'s dependencies.',
    bad: 'FROM node:22-slim\nRUN npm install -g typescript',
    good: 'FROM node:22-slim\nRUN npm install -g typescript@5.6.3',
    notes:
      '`npm install` without packages (the project\'s package.json) is not reported. Scoped packages need a second `@` (`@scope/pkg@1.2.3`); git URLs need a `#commit`; paths and tarballs count as chosen on purpose. `npm i` and `npm add` are checked too.',
  },
  check({ model, report }) {
    reportUnpinned(model, report, {
      manager: 'npm',
      subcommands: ['install', 'i', 'add'],
      pinned: (value) => {
        if (/^git(\+[a-z]+)?:\/\//.test(value) || /^github:/.test(value)) return value.includes('#');
        if (/\.(tar|tar\.gz|tgz)$/.test(value) || /^(\/|\.\/|\.\.\/|~\/|\.$|file:)/.test(value) || value.includes('://')) return true;
        const bare = value.startsWith('@') ? value.slice(value.indexOf('/') + 1) : value;
        return bare.includes('@');
      },
      example: (name) => (/^(git|github:)/.test(name) ? `${name}#<commit>` : `${name}@<version>`),
    });
  },
});
