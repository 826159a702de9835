import { originNote, reportRange, type ComposeService, type YamlEntry, type YamlMapping } from '../../compose/model';
import { defineRule } from '../../engine/rule';

/** Where compose expects a duration, as paths from the service. */
const DURATIONS: string[][] = [
  ['healthcheck', 'interval'],
  ['healthcheck', 'timeout'],
  ['healthcheck', 'start_period'],
  ['healthcheck', 'start_interval'],
  ['stop_grace_period'],
  ['deploy', 'restart_policy', 'delay'],
  ['deploy', 'restart_policy', 'window'],
  ['deploy', 'update_config', 'delay'],
  ['deploy', 'update_config', 'monitor'],
  ['deploy', 'rollback_config', 'delay'],
  ['deploy', 'rollback_config', 'monitor'],
];

function find(service: ComposeService, path: string[]): YamlEntry | undefined {
  let map: YamlMapping | null = service.map;
  let entry: YamlEntry | undefined;
  for (const key of path) {
    entry = map?.get(key);
    map = entry?.value?.type === 'map' ? entry.value : null;
  }
  return entry;
}

export const composeDurationUnit = defineRule({
  id: 'compose-duration-unit',
  aliases: [],
  severity: 'error',
  kinds: ['compose'],
  fixable: true,
  docs: {
    summary: 'A duration (healthcheck interval, timeout, start_period, stop_grace_period, restart delay…) is a bare number without a unit.',
    why: 'Compose durations are Go durations: `30` is not 30 seconds. Depending on the compose version it is rejected ("missing unit in duration") or read as nanoseconds, so a healthcheck fires continuously or times out at once.',
    bad: 'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n      interval: 30',
    good: 'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n      interval: 30s',
    notes: 'The fix adds `s` (seconds), inside the quotes when the value is quoted. Values with ${VAR} interpolation are left alone.',
  },
  check({ model, report }) {
    for (const service of model.services) {
      for (const path of DURATIONS) {
        const entry = find(service, path);
        const value = entry?.value;
        if (!entry || value?.type !== 'scalar' || !/^\d+(\.\d+)?$/.test(value.text.trim()) || Number(value.text) === 0) continue;
        const quoted = value.style === 'QUOTE_DOUBLE' || value.style === 'QUOTE_SINGLE';
        const at = quoted ? { line: value.range.end.line, character: value.range.end.character - 1 } : value.range.end;
        report({
          range: reportRange(value),
          message: `${path.join('.')} of service "${service.name}" is ${value.text.trim()} without a unit: write ${value.text.trim()}s (or ms, m, h)${originNote(value)}`,
          fixes: value.origin ? [] : [{ title: `Make it ${value.text.trim()}s`, edits: [{ range: { start: at, end: at }, newText: 's' }], isPreferred: true }],
        });
      }
    }
  },
});
