/** Splits an image reference (`registry:5000/team/app:1.2@sha256:…`) into its parts, with offsets. */
export interface ImageReference {
  /** The text as written. */
  text: string;
  /** Registry host, when the first path component looks like one (has `.` or `:` or is `localhost`). */
  registry: string | null;
  /** Repository path without registry, tag and digest (`team/app`, `library/node` stays `node`). */
  repository: string;
  tag: string | null;
  digest: string | null;
  /** Offsets in `text`: [start, end) of the tag (without `:`) and digest (without `@`). */
  tagStart: number;
  digestStart: number;
  /** True when the text contains a `$` variable that could not be resolved. */
  hasVariable: boolean;
}

export function parseImageReference(text: string): ImageReference {
  let rest = text;
  let digest: string | null = null;
  let digestStart = -1;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    digestStart = at + 1;
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  let tagStart = -1;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    tagStart = colon + 1;
    rest = rest.slice(0, colon);
  }
  let registry: string | null = null;
  const firstSlash = rest.indexOf('/');
  if (firstSlash > 0) {
    const first = rest.slice(0, firstSlash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(firstSlash + 1);
    }
  }
  return { text, registry, repository: rest, tag, digest, tagStart, digestStart, hasVariable: text.includes('$') };
}

/** Expands `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME-default}` from `values`; unknown names stay as written. */
export function expandVariables(text: string, values: ReadonlyMap<string, string | null>): string {
  return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (whole, braced, operator, word, bare) => {
    const name = braced ?? bare;
    const value = values.get(name);
    const isSet = value !== undefined && value !== null;
    const isEmpty = !isSet || value === '';
    if (operator === ':-') return isEmpty ? word : (value as string);
    if (operator === '-') return isSet ? (value as string) : word;
    if (operator === ':+') return isEmpty ? '' : word;
    if (operator === '+') return isSet ? word : '';
    return isSet ? (value as string) : whole;
  });
}
