import type { Rule } from '../../engine/rule';
import { dockerignoreDeadPattern } from './dockerignore-dead-pattern';
import { dockerignoreDuplicatePattern } from './dockerignore-duplicate-pattern';
import { dockerignoreLeaksSensitive } from './dockerignore-leaks-sensitive';

/** Every .dockerignore rule, in the order of the README's table. */
export const dockerignoreRules: Rule<'dockerignore'>[] = [dockerignoreLeaksSensitive, dockerignoreDuplicatePattern, dockerignoreDeadPattern];
