/**
 * Compose variable interpolation: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?error}`, `${VAR:+alt}` and `$$` (a literal `$`). Rules judge the value the file gives
 * when nothing is set (the defaults) and stay silent about parts that only the environment knows.
 */

const INNERMOST = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^{}]*))?\}/g;
const BARE = /\$([A-Za-z_][A-Za-z0-9_]*)/g;
const ESCAPED = '\u0000';

/** True when the text has a `$VAR` or `${…}` (not just `$$`). */
export function hasInterpolation(text: string): boolean {
  return /\$(\{|[A-Za-z_])/.test(text.replace(/\$\$/g, ''));
}

/**
 * The text with each variable replaced by its default (`${PORT:-8080}` → `8080`) and `$$` by `$`;
 * `unresolved` is true when a variable without a default (or with `:+`/`:?`) remains unknown.
 */
export function withDefaults(text: string): { text: string; unresolved: boolean } {
  let unresolved = false;
  let current = text.replace(/\$\$/g, ESCAPED);
  for (let pass = 0; pass < 10; pass++) {
    const next = current.replace(INNERMOST, (_whole, _name: string, operator: string | undefined, word: string | undefined) => {
      if (operator === ':-' || operator === '-') return word ?? '';
      unresolved = true;
      return '';
    });
    if (next === current) break;
    current = next;
  }
  current = current.replace(BARE, () => {
    unresolved = true;
    return '';
  });
  if (/\$\{/.test(current)) unresolved = true;
  return { text: current.split(ESCAPED).join('$'), unresolved };
}
