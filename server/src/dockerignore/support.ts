import type { KindSupport } from '../engine/kind-support';
import { collectSuppressions } from '../engine/suppression';
import { DockerignoreParser, type DockerignoreModel } from './model';

export const dockerignoreSupport: KindSupport<'dockerignore'> = {
  kind: 'dockerignore',
  createParser: () => new DockerignoreParser(),
  index: (model) => model.index,
  suppressions: (model: DockerignoreModel) => collectSuppressions(model.comments, dockerignoreSupport.pragmaScope(model)),
  // `# shipshape ignore=…` covers itself, the comments below it and the next pattern line (a
  // finding about the whole file sits on line 1, where such a pragma goes).
  pragmaScope: (model) => (line) => {
    for (let next = line + 1; next < model.index.lineCount; next++) {
      if (model.patternAt(next)) return { fromLine: line, toLine: next };
    }
    return { fromLine: line, toLine: line };
  },
  // Docker reads only a line starting with `#` as a comment.
  indentedComments: false,
  statementStart: (_model, line) => line,
  fileHeaderLine: () => 0,
};
