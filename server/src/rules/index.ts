import type { Rule } from '../engine/rule';
import { composeRules } from './compose';
import { dockerfileRules } from './dockerfile';
import { dockerignoreRules } from './dockerignore';
import { fileNotChecked } from './file-not-checked';

export const allRules: readonly Rule[] = [...(dockerfileRules as Rule[]), ...(dockerignoreRules as Rule[]), ...(composeRules as Rule[]), fileNotChecked as Rule];

export function findRule(idOrAlias: string): Rule | undefined {
  const wanted = idOrAlias.toLowerCase();
  return allRules.find((rule) => rule.id === wanted || rule.aliases.some((alias) => alias.toLowerCase() === wanted));
}
