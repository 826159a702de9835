import { defineRule } from '../../engine/rule';
import { hasAnyFlag } from '../../dockerfile/package-commands';
import { reportUnpinned } from '../../dockerfile/package-checks';

export const gemPinVersions = defineRule({
  id: 'gem-pin-versions',
  aliases: ['DL3028'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: false,
  docs: {
    summary: '`gem install` of a gem without a version (`bundler` instead of `bundler:<version>`).',
    why: 'A bare gem name installs the latest release on the day of the build, so rebuilds ship different code and a compromised release enters the image silently.',
    bad: 'FROM ruby:3.3-slim\nRUN gem install bundler',
    good: 'FROM ruby:3.3-slim\nRUN gem install bundler:2.5.22',
    notes: '`-v`/`--version` pins every gem of the command; `.gem` files and paths are not judged.',
  },
  check({ model, report }) {
    reportUnpinned(model, report, {
      manager: 'gem',
      subcommands: ['install', 'i'],
      skipInvocation: (inv) => hasAnyFlag(inv.args, 'v', '--version'),
      pinned: (value) => value.includes(':') || value.endsWith('.gem') || value.includes('/'),
      example: (name) => `${name}:<version>`,
    });
  },
});
