import { defineRule } from '../../engine/rule';

export const exposePortRange = defineRule({
  id: 'expose-port-range',
  aliases: ['DL3011', 'AVD-DS-0008'],
  severity: 'error',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: false,
  docs: {
    summary: 'EXPOSE of a port outside 0–65535.',
    why: 'TCP and UDP ports are 16-bit numbers: Docker rejects the image config ("invalid containerPort"), or the typo hides which port the service really uses.',
    bad: 'FROM nginx:1.27\nEXPOSE 80800',
    good: 'FROM nginx:1.27\nEXPOSE 8080',
    notes: 'Ranges (`8000-8010`) and `/tcp`, `/udp` suffixes are understood; values with variables are not judged.',
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'EXPOSE') continue;
      for (const word of instruction.args) {
        if (word.value.includes('$')) continue;
        const spec = word.value.replace(/^["']|["']$/g, '').replace(/\/(tcp|udp|sctp)$/i, '');
        const parts = spec.includes(':') ? spec.split(':').slice(-1)[0].split('-') : spec.split('-');
        const bad = parts.find((p) => /^\d+$/.test(p) && Number(p) > 65535);
        if (bad === undefined) continue;
        report({ range: word.range, message: `Port ${bad} is out of range: ports go from 0 to 65535` });
      }
    }
  },
});
