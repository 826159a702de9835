/** A service's mounts: short (`./data:/data:ro`) and long (`type: bind`, `source:`, `target:`) syntax. */
import { withDefaults } from './interpolation';
import { scalarText, type ComposeService, type YamlValue } from './model';

export interface ServiceMount {
  item: YamlValue;
  /** `bind` for host paths, `volume` for named or anonymous volumes, `tmpfs`, or `other`. */
  type: string;
  /**
   * The host path (a leading `$HOME` read as `~`) or volume name after defaults; null for an
   * anonymous volume or an unknown value.
   */
  source: string | null;
  target: string | null;
  readOnly: boolean;
}

const HOST_PATH = /^(\/|\.|~|[A-Za-z]:[\\/]|\\\\)/;
/** `$HOME` or `${HOME}` at the start of a host path: the environment always sets it, so it reads as `~`. */
const HOME_VARIABLE = /^\$(\{HOME(:?-[^}]*)?\}|HOME(?![A-Za-z0-9_]))/;

/** The text after interpolation defaults, with a leading `$HOME` read as `~`. */
function hostPathDefaults(raw: string): { text: string; unresolved: boolean } {
  return withDefaults(raw.replace(HOME_VARIABLE, '~'));
}

export function serviceMounts(service: ComposeService): ServiceMount[] {
  const volumes = service.get('volumes')?.value;
  if (volumes?.type !== 'seq') return [];
  const out: ServiceMount[] = [];
  for (const item of volumes.items) {
    if (item.type === 'scalar') {
      const mount = parseShortVolume(item.text);
      if (mount) out.push({ item, ...mount });
    } else if (item.type === 'map') {
      const raw = (key: string) => scalarText(item.get(key)?.value);
      const source = raw('source') === undefined ? null : hostPathDefaults(raw('source')!);
      const type = (raw('type') ?? (source && HOST_PATH.test(source.text) ? 'bind' : 'volume')).toLowerCase();
      const readOnly = /^(true|yes|on)$/i.test(raw('read_only') ?? '');
      out.push({ item, type, source: source && !source.unresolved ? source.text : null, target: raw('target') ?? null, readOnly });
    }
  }
  return out;
}

export function parseShortVolume(raw: string): Omit<ServiceMount, 'item'> | null {
  const { text, unresolved } = hostPathDefaults(raw.trim());
  if (text === '') return null;
  // A Windows drive letter's colon is part of the source.
  const drive = /^[A-Za-z]:[\\/]/.test(text) ? 2 : 0;
  const parts = [text.slice(0, drive) + text.slice(drive).split(':')[0], ...text.slice(drive).split(':').slice(1)];
  if (parts.length === 1) return { type: 'volume', source: null, target: parts[0], readOnly: false };
  const [source, target, mode = ''] = parts;
  const type = HOST_PATH.test(source) || (unresolved && source === '') ? 'bind' : 'volume';
  return { type, source: unresolved && source === '' ? null : source, target, readOnly: mode.split(',').includes('ro') };
}
