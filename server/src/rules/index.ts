import type { Rule } from '../engine/rule';
import { dockerfileRules } from './dockerfile';

export const allRules: readonly Rule[] = [...(dockerfileRules as Rule[])];

export function findRule(idOrAlias: string): Rule | undefined {
  const wanted = idOrAlias.toLowerCase();
  return allRules.find((rule) => rule.id === wanted || rule.aliases.some((alias) => alias.toLowerCase() === wanted));
}
