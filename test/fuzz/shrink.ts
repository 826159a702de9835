/**
 * Shrinks a failing input: removes blocks of lines, then single lines, then characters, as long as
 * the failure (its signature) still shows, so a saved regression is a few lines instead of a file.
 */

export function shrinkText(text: string, fails: (candidate: string) => boolean, budgetMs = 20000): string {
  const deadline = Date.now() + budgetMs;
  let current = text;
  // Lines (with their breaks), in halving chunk sizes.
  let lines = splitKeepingBreaks(current);
  for (let size = Math.max(1, lines.length >> 1); size >= 1 && Date.now() < deadline; size >>= 1) {
    for (let i = 0; i < lines.length && Date.now() < deadline; ) {
      const candidate = [...lines.slice(0, i), ...lines.slice(i + size)];
      if (candidate.length < lines.length && fails(candidate.join(''))) lines = candidate;
      else i += size;
    }
  }
  current = lines.join('');
  // Characters, in halving chunk sizes.
  for (let size = Math.max(1, current.length >> 3); size >= 1 && Date.now() < deadline; size >>= 1) {
    for (let i = 0; i < current.length && Date.now() < deadline; ) {
      const candidate = current.slice(0, i) + current.slice(i + size);
      if (fails(candidate)) current = candidate;
      else i += size;
    }
  }
  return current;
}

function splitKeepingBreaks(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    out.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}
