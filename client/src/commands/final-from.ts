/**
 * Where the code lenses of a Dockerfile go: the FROM of its final stage, found with the engine's
 * Dockerfile model, so a FROM-looking line inside a heredoc or a continued RUN is not taken for
 * one. No editor imports, so it is tested on its own.
 */
import { parseDockerfile } from '../../../server/src/dockerfile/model';

/** The 0-based line of the final stage's FROM, or null when the file has no FROM. */
export function finalFromLine(text: string): number | null {
  return parseDockerfile(text).finalStage?.from.range.start.line ?? null;
}
