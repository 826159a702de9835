import { isPartialService, originNote, reportRange, serviceRange } from '../../compose/model';
import { appendToMap, appendToSequence, replaceScalar } from '../../compose/yaml-edits';
import { defineRule } from '../../engine/rule';
import type { TextEdit } from '../../engine/text';

const SET = /^no-new-privileges([:=](true|1))?$/i;
const UNSET = /^no-new-privileges[:=](false|0)$/i;

export const composeNoNewPrivileges = defineRule({
  id: 'compose-no-new-privileges',
  aliases: ['No New Privileges Not Set'],
  severity: 'warning',
  kinds: ['compose'],
  fixable: true,
  docs: {
    summary: 'A service does not set `security_opt: ["no-new-privileges:true"]`.',
    why: 'Without it, a setuid binary in the image (su, sudo, ping, a planted one) can raise a compromised process back to root. With it, the kernel never grants more privileges than the process started with.',
    bad: 'services:\n  api:\n    image: example/api:2.3',
    good: 'services:\n  api:\n    image: example/api:2.3\n    security_opt: ["no-new-privileges:true"]',
    notes: 'The fix appends the option to an existing security_opt list in its style (flow or block, same quotes), or adds `security_opt: ["no-new-privileges:true"]`.',
  },
  check({ model, report }) {
    for (const service of model.services) {
      const entry = service.get('security_opt');
      const seq = entry?.value?.type === 'seq' ? entry.value : null;
      const items = seq?.items.filter((i) => i.type === 'scalar') ?? [];
      const disabled = items.find((i) => i.type === 'scalar' && UNSET.test(i.text.trim()));
      if (disabled?.type === 'scalar') {
        const edit = replaceScalar(model, disabled, disabled.text.trim().replace(/(false|0)$/i, 'true'));
        report({
          range: reportRange(disabled),
          message: `Service "${service.name}" turns no-new-privileges off: setuid binaries can regain root${originNote(disabled)}`,
          fixes: edit ? [{ title: 'Set no-new-privileges:true', edits: [edit], isPreferred: true }] : [],
        });
        continue;
      }
      if (items.some((i) => i.type === 'scalar' && SET.test(i.text.trim())) || isPartialService(service)) continue;
      let edit: TextEdit | null = null;
      if (seq) edit = appendToSequence(model, seq, 'no-new-privileges:true');
      else if (!entry && service.map) edit = appendToMap(model, service.map, ['security_opt: ["no-new-privileges:true"]']);
      report({
        range: entry ? entry.keyRange : serviceRange(service),
        message: `Service "${service.name}" does not set no-new-privileges:true: setuid binaries can regain root`,
        fixes: edit ? [{ title: 'Add no-new-privileges:true to security_opt', edits: [edit], isPreferred: true }] : [],
      });
    }
  },
});
