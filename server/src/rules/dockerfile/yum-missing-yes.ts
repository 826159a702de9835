import { defineRule } from '../../engine/rule';
import { hasAnyFlag } from '../../dockerfile/package-commands';
import { reportMissingYes } from '../../dockerfile/package-checks';

export const yumMissingYes = defineRule({
  id: 'yum-missing-yes',
  aliases: ['DL3030'],
  severity: 'error',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: true,
  docs: {
    summary: '`yum install` (or remove, update, groupinstall…) without `-y` waits for a confirmation nobody can give.',
    why: 'A build has no terminal: yum asks "Is this ok [y/N]", reads end-of-file, answers no and exits with an error, so the build fails.',
    bad: 'FROM centos:7\nRUN yum install httpd && yum clean all',
    good: 'FROM centos:7\nRUN yum install -y httpd && yum clean all',
    notes: 'Error rather than hadolint\'s warning: the build breaks. `-y`, `--assumeyes` and `yes |` are accepted.',
  },
  check({ model, report }) {
    reportMissingYes(model, report, {
      manager: 'yum',
      subcommands: ['install', 'groupinstall', 'localinstall', 'reinstall', 'remove', 'erase', 'update', 'upgrade', 'downgrade', 'groupremove'],
      answers: (inv) => hasAnyFlag([...inv.globalArgs, ...inv.args], 'y', '--assumeyes'),
    });
  },
});
