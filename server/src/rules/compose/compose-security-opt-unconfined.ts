import { defaultedText, originNote, reportRange } from '../../compose/model';
import { removeEntry, removeSequenceItem } from '../../compose/yaml-edits';
import { defineRule } from '../../engine/rule';

const UNCONFINED = /^(seccomp|apparmor|systempaths)[:=]unconfined$|^label[:=]disable$/i;

export const composeSecurityOptUnconfined = defineRule({
  id: 'compose-security-opt-unconfined',
  aliases: ['Default Seccomp Profile Disabled'],
  severity: 'error',
  kinds: ['compose'],
  fixable: true,
  docs: {
    summary: 'A service turns a kernel confinement off: `seccomp:unconfined`, `apparmor:unconfined`, `systempaths=unconfined` or `label:disable`.',
    why: 'Docker\'s default seccomp profile blocks the system calls most container escapes use (mount, keyctl, bpf, unshare…); AppArmor and SELinux labels confine file access; masked system paths hide /proc and /sys knobs. Turning them off removes a layer that costs nothing to keep.',
    bad: 'services:\n  app:\n    image: example/app:1.4\n    security_opt:\n      - seccomp:unconfined',
    good: 'services:\n  app:\n    image: example/app:1.4\n    security_opt:\n      - no-new-privileges:true',
    notes: 'The fix removes the item (or the whole security_opt when it is the only one). If a program really needs a blocked call, give it a custom seccomp profile (`seccomp:./profile.json`).',
  },
  check({ model, report }) {
    for (const service of model.services) {
      const entry = service.get('security_opt');
      if (entry?.value?.type !== 'seq') continue;
      const seq = entry.value;
      for (const item of seq.items) {
        // `seccomp:${SECCOMP:-unconfined}` is unconfined unless the environment says otherwise.
        const option = defaultedText(item)?.text;
        if (option === undefined || !UNCONFINED.test(option)) continue;
        const edit = seq.items.length === 1 ? removeEntry(model, entry) : removeSequenceItem(model, seq, item);
        report({
          range: reportRange(item),
          message: `Service "${service.name}" runs with ${option}: the kernel confinement Docker applies by default is off${originNote(item)}`,
          fixes: edit ? [{ title: `Remove ${option}`, edits: [edit], isPreferred: true }] : [],
        });
      }
    }
  },
});
