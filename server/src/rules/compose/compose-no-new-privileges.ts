import { withDefaults } from '../../compose/interpolation';
import { isPartialService, originNote, reportRange, serviceRange, type YamlScalar } from '../../compose/model';
import { appendToMap, appendToSequence, replaceScalar } from '../../compose/yaml-edits';
import { defineRule } from '../../engine/rule';
import type { TextEdit } from '../../engine/text';

const SET = /^no-new-privileges([:=](true|1))?$/i;
const UNSET = /^no-new-privileges[:=](false|0)$/i;

export const composeNoNewPrivileges = defineRule({
  id: 'compose-no-new-privileges',
  aliases: ['No New Privileges Not Set', 'Security Opt Not Set'],
  severity: 'warning',
  kinds: ['compose'],
  fixable: true,
  docs: {
    summary: 'A service does not set `security_opt: ["no-new-privileges:true"]`.',
    why: 'Without it, a setuid binary in the image (su, sudo, ping, a planted one) can raise a compromised process back to root. With it, the kernel never grants more privileges than the process started with.',
    bad: 'services:\n  api:\n    image: example/api:2.3',
    good: 'services:\n  api:\n    image: example/api:2.3\n    security_opt: ["no-new-privileges:true"]',
    notes: 'The fix appends the option to an existing security_opt list in its style (flow or block, same quotes), or adds `security_opt: ["no-new-privileges:true"]`. Variables count with their defaults (`no-new-privileges:${NNP:-true}` is set); an item whose value only the environment gives (`no-new-privileges:${NNP}`) is not reported. A service without any security_opt (KICS\'s "Security Opt Not Set") is reported here.',
  },
  check({ model, report }) {
    for (const service of model.services) {
      const entry = service.get('security_opt');
      const seq = entry?.value?.type === 'seq' ? entry.value : null;
      const items = seq?.items.filter((i): i is YamlScalar => i.type === 'scalar') ?? [];
      const options = items.map((item) => ({ item, ...withDefaults(item.text.trim()) }));
      const disabled = options.find((o) => UNSET.test(o.text))?.item;
      if (disabled) {
        // `false` (or 0) becomes true where it is written, a `${NNP:-false}` default included.
        const enabled = disabled.text.trim().replace(/(false|0)(\}?)$/i, 'true$2');
        const edit = enabled === disabled.text.trim() ? null : replaceScalar(model, disabled, enabled);
        report({
          range: reportRange(disabled),
          message: `Service "${service.name}" turns no-new-privileges off: setuid binaries can regain root${originNote(disabled)}`,
          fixes: edit ? [{ title: 'Set no-new-privileges:true', edits: [edit], isPreferred: true }] : [],
        });
        continue;
      }
      if (options.some((o) => SET.test(o.text)) || isPartialService(service)) continue;
      // `no-new-privileges:${NNP}` (or an item that is all variable) leaves the choice to the environment.
      if (options.some((o) => o.unresolved && (o.text === '' || /^no-new-privileges/i.test(o.text)))) continue;
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
