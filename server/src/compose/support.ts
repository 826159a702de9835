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
  suppressions: (model: ComposeModel): Suppressions => collectSuppressions(model.comments, composeSupport.pragmaScope(model)),
  pragmaScope(model) {
    const outermost = new Map<number, number>();
    for (const statement of model.statements) {
      const known = outermost.get(statement.fromLine);
      if (known === undefined || statement.toLine > known) outermost.set(statement.fromLine, statement.toLine);
    }
    return (line) => {
      for (let next = line + 1; next < model.index.lineCount; next++) {
        const text = model.index.lineText(next).trim();
        if (text === '' || text.startsWith('#')) continue;
        return { fromLine: next, toLine: outermost.get(next) ?? next };
      }
      return null;
    };
  },
  indentedComments: true,
  statementStart(model, line) {
    // With a YAML error anywhere (an unclosed quote runs on over the lines below it), a comment
    // line inserted among the entries may be read as part of a string: no pragma line then.
    if (model.problems.length > 0) return null;
    // The innermost entry or item containing the line.
    let best: number | null = null;
    for (const statement of model.statements) {
      if (statement.fromLine <= line && line <= statement.toLine && (best === null || statement.fromLine > best)) best = statement.fromLine;
    }
    return best;
  },
  fileHeaderLine: () => 0,
};
