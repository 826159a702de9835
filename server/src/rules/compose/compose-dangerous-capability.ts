import { defaultedText, originNote, reportRange } from '../../compose/model';
import { defineRule } from '../../engine/rule';

/** Capabilities that amount to host root. */
const CRITICAL = new Set(['ALL', 'SYS_ADMIN', 'SYS_MODULE', 'SYS_RAWIO', 'DAC_READ_SEARCH', 'BPF']);
/** Capabilities that break an important part of the isolation. */
const RISKY = new Set(['NET_ADMIN', 'SYS_PTRACE', 'SYS_BOOT', 'SYS_TIME', 'MAC_ADMIN', 'MAC_OVERRIDE', 'PERFMON', 'SYSLOG', 'DAC_OVERRIDE', 'SETFCAP', 'LINUX_IMMUTABLE', 'NET_RAW', 'SYS_RESOURCE']);

export const composeDangerousCapability = defineRule({
  id: 'compose-dangerous-capability',
  aliases: [],
  severity: 'warning',
  kinds: ['compose'],
  fixable: false,
  docs: {
    summary: 'A service adds a dangerous capability (ALL, SYS_ADMIN, NET_ADMIN, SYS_PTRACE…) with `cap_add`.',
    why: 'ALL, SYS_ADMIN, SYS_MODULE, SYS_RAWIO, DAC_READ_SEARCH and BPF are as good as root on the host; NET_ADMIN, SYS_PTRACE and the like each open a known escape or snooping path. Add only what the process needs, after `cap_drop: [ALL]`.',
    bad: 'services:\n  vpn:\n    image: example/vpn:3\n    cap_add: [SYS_ADMIN]',
    good: 'services:\n  vpn:\n    image: example/vpn:3\n    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE]',
    notes: 'ALL, SYS_ADMIN, SYS_MODULE, SYS_RAWIO, DAC_READ_SEARCH and BPF are errors; the others warnings. KICS reports cap_add and a missing cap_drop under one query, "Container Capabilities Unrestricted"; here that name is an alias of compose-cap-drop-all.',
  },
  check({ model, report }) {
    for (const service of model.services) {
      const added = service.get('cap_add')?.value;
      if (added?.type !== 'seq') continue;
      for (const item of added.items) {
        const name = defaultedText(item)?.text.toUpperCase().replace(/^CAP_/, '');
        if (name === undefined) continue;
        if (!CRITICAL.has(name) && !RISKY.has(name)) continue;
        report({
          range: reportRange(item),
          severity: CRITICAL.has(name) ? 'error' : 'warning',
          message: `Service "${service.name}" adds capability ${name}${CRITICAL.has(name) ? ', which is as good as root on the host' : ''}${originNote(item)}`,
        });
      }
    }
  },
});
