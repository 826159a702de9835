import type { KindSupport } from '../engine/kind-support';
import { collectSuppressions, Suppressions } from '../engine/suppression';
import { BUILDKIT_CHECKS, isBuildCheck, readCheckDirective } from './build-checks';
import { DockerfileParser, type DockerfileModel } from './model';
import { instructionParts, stageParts } from './scoped-parts';

export const dockerfileSupport: KindSupport<'dockerfile'> = {
  kind: 'dockerfile',
  createParser: () => new DockerfileParser(),
  index: (model) => model.index,
  suppressions(model: DockerfileModel): Suppressions {
    const suppressions = new Suppressions();
    // BuildKit's `# check=skip=A,B` parser directive; `skip=all` skips BuildKit's checks, not ours.
    const skip = readCheckDirective(model.directives).skip;
    suppressions.addFileWide(skip.some((id) => id.toLowerCase() === 'all') ? BUILDKIT_CHECKS : skip);
    return collectSuppressions(model.comments, dockerfileSupport.pragmaScope(model), suppressions);
  },
  pragmaScope: (model) => (line) => {
    for (let next = line + 1; next < model.index.lineCount; next++) {
      const instruction = model.instructionAt(next);
      // From the line after the pragma: comment lines between it and the instruction are covered too.
      if (instruction) return { fromLine: Math.min(line + 1, instruction.range.start.line), toLine: instruction.range.end.line };
      const text = model.index.lineText(next).trim();
      if (text !== '' && !text.startsWith('#')) return null;
    }
    return null;
  },
  indentedComments: true,
  severityOverride(model) {
    // `# check=error=true` makes BuildKit fail the build on any check it reports: those findings are errors.
    if (!readCheckDirective(model.directives).error) return null;
    return (finding) => (isBuildCheck(finding.aliases) ? 'error' : undefined);
  },
  scopes: { unit: instructionParts, stage: stageParts },
  statementStart: (model, line) => model.instructionAt(line)?.range.start.line ?? line,
  fileHeaderLine: (model) => (model.directives.length > 0 ? model.directives[model.directives.length - 1].line + 1 : 0),
};
