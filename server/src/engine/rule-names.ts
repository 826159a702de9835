/**
 * How the names of a rule (its id and its aliases) are compared wherever a user writes one: in
 * pragmas, settings and config files. Case does not matter, and Trivy's three spellings of one
 * Dockerfile check are the same name: `AVD-DS-0002`, `DS-0002` and `DS002` (Trivy prints and
 * accepts all of them, depending on its version). KICS query names, which have spaces and quotes,
 * also match written in kebab case: `Image Version Using 'latest'` as `image-version-using-latest`.
 */
const TRIVY_DOCKERFILE_ID = /^(?:avd-)?ds-?0*(\d{1,4})$/;

/** The form two rule names are compared in. */
export function ruleNameKey(name: string): string {
  const lower = name.trim().toLowerCase().replace(/['"]/g, '').replace(/\s+/g, '-');
  const trivy = TRIVY_DOCKERFILE_ID.exec(lower);
  return trivy ? `avd-ds-${trivy[1].padStart(4, '0')}` : lower;
}
