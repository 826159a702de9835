import type { KindSupport } from '../engine/kind-support';
import { collectSuppressions, splitIds, Suppressions } from '../engine/suppression';
import { DockerfileParser, type DockerfileModel } from './model';

export const dockerfileSupport: KindSupport<'dockerfile'> = {
  kind: 'dockerfile',
  createParser: () => new DockerfileParser(),
  index: (model) => model.index,
  suppressions(model: DockerfileModel): Suppressions {
    const suppressions = new Suppressions();
    // BuildKit's `# check=skip=A,B` parser directive.
    for (const directive of model.directives) {
      if (directive.name.toLowerCase() !== 'check') continue;
      for (const part of directive.value.split(';')) {
        const [key, value] = part.split('=');
        if (key?.trim().toLowerCase() === 'skip' && value) suppressions.addFileWide(splitIds(value));
      }
    }
    return collectSuppressions(model.comments, (line) => {
      for (let next = line + 1; next < model.index.lineCount; next++) {
        const instruction = model.instructionAt(next);
        if (instruction) return { fromLine: instruction.range.start.line, toLine: instruction.range.end.line };
        const text = model.index.lineText(next).trim();
        if (text !== '' && !text.startsWith('#')) return null;
      }
      return null;
    }, suppressions);
  },
  statementStart: (model, line) => model.instructionAt(line)?.range.start.line ?? line,
  fileHeaderLine: (model) => (model.directives.length > 0 ? model.directives[model.directives.length - 1].line + 1 : 0),
};
