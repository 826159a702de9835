import type { Rule } from '../../engine/rule';
import { execFormVariable } from './exec-form-variable';
import { finalUserRoot } from './final-user-root';

/** Every Dockerfile rule, in the order of the README's table. */
export const dockerfileRules: Rule<'dockerfile'>[] = [finalUserRoot, execFormVariable];
