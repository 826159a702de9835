/** A service's published ports, short (`"127.0.0.1:8080:80/tcp"`) and long (`published:`/`host_ip:`) syntax. */
import { withDefaults } from './interpolation';
import { scalarText, type ComposeService, type YamlValue } from './model';

export interface PublishedPort {
  service: ComposeService;
  /** The list item (a scalar for short syntax, a mapping for long syntax). */
  item: YamlValue;
  /** Host address after defaults; null when none is given (all interfaces). */
  hostIp: string | null;
  /** Host port or range (`8000-8010`); null when Docker picks one. */
  hostPort: string | null;
  containerPort: string;
  protocol: string;
  long: boolean;
  /** True when an interpolation without a default leaves part of it unknown. */
  unresolved: boolean;
}

export function publishedPorts(service: ComposeService): PublishedPort[] {
  const ports = service.get('ports')?.value;
  if (ports?.type !== 'seq') return [];
  const out: PublishedPort[] = [];
  for (const item of ports.items) {
    if (item.type === 'scalar') {
      const parsed = parseShortPort(item.text);
      if (parsed) out.push({ service, item, long: false, ...parsed });
    } else if (item.type === 'map') {
      const raw = (key: string) => scalarText(item.get(key)?.value);
      const target = withDefaults(raw('target') ?? '');
      const published = withDefaults(raw('published') ?? '');
      const hostIp = withDefaults(raw('host_ip') ?? '');
      out.push({
        service,
        item,
        long: true,
        hostIp: hostIp.text || (hostIp.unresolved ? '?' : null),
        hostPort: published.text || (published.unresolved ? '?' : null),
        containerPort: target.text,
        protocol: (raw('protocol') ?? 'tcp').toLowerCase(),
        unresolved: target.unresolved || published.unresolved || hostIp.unresolved,
      });
    }
  }
  return out;
}

/** `[IP:][HOST:]CONTAINER[/PROTOCOL]`, with `[v6]:` addresses. */
export function parseShortPort(raw: string): Omit<PublishedPort, 'service' | 'item' | 'long'> | null {
  const { text, unresolved } = withDefaults(raw.trim());
  if (text === '') return null;
  let rest = text;
  let protocol = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    protocol = rest.slice(slash + 1).toLowerCase();
    rest = rest.slice(0, slash);
  }
  let hostIp: string | null = null;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return null;
    hostIp = rest.slice(1, close);
    rest = rest.slice(close + 2);
  }
  const parts = rest.split(':');
  let hostPort: string | null = null;
  let containerPort: string;
  if (hostIp === null && parts.length >= 3) {
    containerPort = parts.pop()!;
    hostPort = parts.pop() || null;
    hostIp = parts.join(':');
  } else if (parts.length === 2) {
    [hostPort, containerPort] = parts;
    hostPort ||= null;
  } else if (parts.length === 1) {
    containerPort = parts[0];
  } else {
    return null;
  }
  return { hostIp: hostIp || null, hostPort, containerPort, protocol, unresolved };
}

/** The single ports a port or range (`8000-8002`) covers, or [] when it is not numeric. */
export function portNumbers(port: string | null): number[] {
  if (!port) return [];
  const match = /^(\d+)(?:-(\d+))?$/.exec(port.trim());
  if (!match) return [];
  const from = Number(match[1]);
  const to = match[2] ? Number(match[2]) : from;
  if (to < from || to - from > 1000) return [from];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
