import { defineRule } from '../../engine/rule';
import { hasAnyFlag, PIP_NAMES } from '../../dockerfile/package-commands';
import { reportUnpinned } from '../../dockerfile/package-checks';

export const pipPinVersions = defineRule({
  id: 'pip-pin-versions',
  aliases: ['DL3013'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: false,
  docs: {
    summary: '`pip install` of a package without a version (`flask` instead of `flask==<version>`).',
    why:
      'An unpinned package is whatever PyPI serves on the day of the build: rebuilds pull new releases and their new dependencies, and a hijacked release enters the image without any change to the file.',
    bad: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask',
    good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3',
    notes:
      'Any version specifier counts (`==`, `>=`, `~=`, `<`, `@ url`), as do requirement files (`-r`), constraint files (`-c`, which pin every package), paths, wheels, archives and VCS URLs. `python -m pip` is checked too.',
  },
  check({ model, report }) {
    reportUnpinned(model, report, {
      manager: PIP_NAMES,
      subcommands: ['install'],
      options: { valueOptions: ['-e', '--editable'] },
      skipInvocation: (inv) => hasAnyFlag(inv.args, null, '--constraint') || inv.args.some((a) => a.value === '-c' || /^-c./.test(a.value)),
      pinned: (value) =>
        /[=<>!~]|@/.test(value) || /^(\.|\/|~)/.test(value) || value.includes('://') || /\.(whl|tar\.gz|tgz|zip)$/.test(value) || /^(git|hg|svn|bzr)\+/.test(value),
      name: (value) => value,
      example: (name) => `${name}==<version>`,
    });
  },
});
