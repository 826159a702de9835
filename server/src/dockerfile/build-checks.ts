/**
 * BuildKit's build checks (`docker build --check`) and its `# check=` parser directive:
 * `# check=skip=A,B;error=true;experimental=all`.
 */

/** Every check BuildKit runs, by its name. Rules give these names as aliases. */
export const BUILDKIT_CHECKS = [
  'StageNameCasing',
  'FromAsCasing',
  'NoEmptyContinuation',
  'ConsistentInstructionCasing',
  'DuplicateStageName',
  'ReservedStageName',
  'JSONArgsRecommended',
  'MaintainerDeprecated',
  'UndefinedArgInFrom',
  'WorkdirRelativePath',
  'UndefinedVar',
  'MultipleInstructionsDisallowed',
  'LegacyKeyValueFormat',
  'InvalidBaseImagePlatform',
  'RedundantTargetPlatform',
  'SecretsUsedInArgOrEnv',
  'InvalidDefaultArgInFrom',
  'FromPlatformFlagConstDisallowed',
  'CopyIgnoredFile',
  'InvalidDefinitionDescription',
  'ExposeProtoCasing',
  'ExposeInvalidFormat',
] as const;

const CHECK_NAMES = new Set(BUILDKIT_CHECKS.map((name) => name.toLowerCase()));

/** True when one of the names is a BuildKit check. */
export function isBuildCheck(names: readonly string[]): boolean {
  return names.some((name) => CHECK_NAMES.has(name.toLowerCase()));
}

export interface CheckDirective {
  /** Checks to skip (`all` skips every one). */
  skip: string[];
  /** `error=true`: a violated check fails the build. */
  error: boolean;
}

/** Reads the `check` parser directives (the first one wins when repeated). */
export function readCheckDirective(directives: readonly { name: string; value: string }[]): CheckDirective {
  const result: CheckDirective = { skip: [], error: false };
  const directive = directives.find((d) => d.name.toLowerCase() === 'check');
  if (!directive) return result;
  for (const part of directive.value.split(';')) {
    const equals = part.indexOf('=');
    if (equals < 0) continue;
    const key = part.slice(0, equals).trim().toLowerCase();
    const value = part.slice(equals + 1).trim();
    if (key === 'skip') result.skip.push(...value.split(',').map((id) => id.trim()).filter((id) => id.length > 0));
    else if (key === 'error') result.error = /^(true|1)$/i.test(value);
  }
  return result;
}
