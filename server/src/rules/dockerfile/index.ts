import type { Rule } from '../../engine/rule';
import { execFormVariable } from './exec-form-variable';
import { finalUserRoot } from './final-user-root';

/** Every Dockerfile rule, in the order of the README's table. Each section lists its rules in one place. */
export const dockerfileRules: Rule<'dockerfile'>[] = [
  // section: image and runtime
  finalUserRoot,
  execFormVariable,
  // end: image and runtime
  // section: package managers and secrets
  // end: package managers and secrets
  // section: hadolint parity
  // end: hadolint parity
  // section: buildkit, trivy, checkov and beyond
  // end: buildkit, trivy, checkov and beyond
];
