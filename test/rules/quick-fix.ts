/**
 * For rules whose fix is offered in the editor but not applied by `--fix` (not preferred): the same
 * rule with every offered fix marked preferred, so a table can pin the text the quick fix gives.
 */
import type { Rule } from '../../server/src/engine/rule';

export function withQuickFixesPreferred<K extends Rule['kinds'][number]>(rule: Rule<K>): Rule<K> {
  return {
    ...rule,
    check: (context) =>
      rule.check({
        ...context,
        report: (r) => context.report({ ...r, fixes: r.fixes?.map((fix) => ({ ...fix, isPreferred: true })) }),
      }),
  };
}
