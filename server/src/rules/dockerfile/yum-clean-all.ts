import { defineRule } from '../../engine/rule';
import { commandOrders, reportMissingClean } from '../../dockerfile/package-checks';

export const yumCleanAll = defineRule({
  id: 'yum-clean-all',
  aliases: ['DL3032', 'AVD-DS-0015'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: true,
  docs: {
    summary: 'A RUN installs with yum but does not run `yum clean all` afterwards.',
    why: 'yum keeps downloaded packages and repository metadata in /var/cache/yum; left in the layer they add tens of megabytes that every pull and every container start pays for, and stale metadata for anyone who builds on the image.',
    bad: 'FROM centos:7\nRUN yum install -y httpd',
    good: 'FROM centos:7\nRUN yum install -y httpd && yum clean all',
    notes: 'The clean must be in the same RUN (a later RUN cannot shrink an earlier layer). `rm -rf /var/cache/yum` or a cache mount on /var/cache/yum count as clean.',
  },
  check({ model, report }) {
    reportMissingClean(model, report, {
      manager: 'yum',
      installSubcommands: ['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade'],
      cleans: (script) => commandOrders(script, (w) => w[0] === 'yum' && w.includes('clean') && w.includes('all')),
      cacheDirs: ['/var/cache/yum'],
      cleanCommand: 'yum clean all',
    });
  },
});
