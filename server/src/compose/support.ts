import type { KindSupport } from '../engine/kind-support';
import { collectSuppressions, type Suppressions } from '../engine/suppression';
import { parseCompose, type ComposeModel } from './model';

/**
 * Compose files: `# shipshape ignore=<id>` on the line above a key (or a list item) silences the
 * rule for that key's whole block; `# shipshape global ignore=<id>` anywhere, for the file.
 */
export const composeSupport: KindSupport<'compose'> = {
  kind: 'compose',
  createParser: () => ({ parse: parseCompose }),
  index: (model) => model.index,
  suppressions(model: ComposeModel): Suppressions {
    const outermost = new Map<number, number>();
    for (const statement of model.statements) {
      const known = outermost.get(statement.fromLine);
      if (known === undefined || statement.toLine > known) outermost.set(statement.fromLine, statement.toLine);
    }
    return collectSuppressions(model.comments, (line) => {
      for (let next = line + 1; next < model.index.lineCount; next++) {
        const text = model.index.lineText(next).trim();
        if (text === '' || text.startsWith('#')) continue;
        return { fromLine: next, toLine: outermost.get(next) ?? next };
      }
      return null;
    });
  },
  statementStart(model, line) {
    let best = line;
    let found = false;
    for (const statement of model.statements) {
      if (statement.fromLine <= line && line <= statement.toLine && (!found || statement.fromLine > best)) {
        best = statement.fromLine;
        found = true;
      }
    }
    return best;
  },
  fileHeaderLine: () => 0,
};
