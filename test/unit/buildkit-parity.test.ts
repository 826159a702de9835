/**
 * Every BuildKit build check (`docker build --check`) has a rule that names it as an alias, and
 * `# check=skip=…` / `# check=error=true` act on those rules.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILDKIT_CHECKS } from '../../server/src/dockerfile/build-checks';
import { allRules, lintText } from '../../server/src/linter';

/** Each BuildKit check and the rule that takes its name. */
const EXPECTED: Record<string, string> = {
  StageNameCasing: 'stage-name-casing',
  FromAsCasing: 'from-as-casing',
  NoEmptyContinuation: 'no-empty-continuation',
  ConsistentInstructionCasing: 'consistent-instruction-casing',
  DuplicateStageName: 'duplicate-stage-name',
  ReservedStageName: 'reserved-stage-name',
  JSONArgsRecommended: 'shell-form-cmd',
  MaintainerDeprecated: 'maintainer-deprecated',
  UndefinedArgInFrom: 'undefined-arg-in-from',
  WorkdirRelativePath: 'workdir-relative',
  UndefinedVar: 'undefined-var',
  MultipleInstructionsDisallowed: 'multiple-cmd-entrypoint-healthcheck',
  LegacyKeyValueFormat: 'legacy-key-value-format',
  InvalidBaseImagePlatform: 'invalid-base-image-platform',
  RedundantTargetPlatform: 'redundant-target-platform',
  SecretsUsedInArgOrEnv: 'secret-in-env-arg',
  InvalidDefaultArgInFrom: 'invalid-default-arg-in-from',
  FromPlatformFlagConstDisallowed: 'from-platform-flag-const',
  CopyIgnoredFile: 'copy-ignored-file',
  InvalidDefinitionDescription: 'invalid-definition-description',
  ExposeProtoCasing: 'expose-proto-casing',
  ExposeInvalidFormat: 'expose-invalid-format',
};

describe('BuildKit parity', () => {
  it('knows the 22 BuildKit checks', () => {
    assert.deepEqual([...BUILDKIT_CHECKS].sort(), Object.keys(EXPECTED).sort());
  });

  for (const [check, ruleId] of Object.entries(EXPECTED)) {
    it(`${check} is an alias of ${ruleId}, and of no other rule`, () => {
      assert.deepEqual(allRules.filter((rule) => rule.aliases.includes(check)).map((rule) => rule.id), [ruleId]);
    });
  }

  it('# check=error=true raises BuildKit-check findings to errors, and only those', () => {
    const code = '# check=error=true\nFROM alpine:3.20 as build\nRUN chmod 777 /app\n';
    const findings = lintText(code, 'dockerfile').findings;
    const casing = findings.find((f) => f.rule === 'from-as-casing');
    const chmod = findings.find((f) => f.rule === 'chmod-world-writable');
    assert.equal(casing?.severity, 'error');
    assert.equal(chmod?.severity, 'warning');
    const without = lintText(code.replace('# check=error=true\n', ''), 'dockerfile').findings;
    assert.equal(without.find((f) => f.rule === 'from-as-casing')?.severity, 'info');
  });

  it('settings still win over # check=error=true', () => {
    const code = '# check=error=true\nFROM alpine:3.20 as build\n';
    const findings = lintText(code, 'dockerfile', { settings: { rules: { FromAsCasing: 'hint' } } }).findings;
    assert.equal(findings.find((f) => f.rule === 'from-as-casing')?.severity, 'hint');
  });

  it('# check=skip=… skips the named checks; skip=all skips BuildKit checks only', () => {
    const code = 'FROM alpine:3.20 as build\nRUN chmod 777 /app\nEXPOSE 80/TCP\n';
    const skipOne = lintText(`# check=skip=FromAsCasing\n${code}`, 'dockerfile').findings.map((f) => f.rule);
    assert.ok(!skipOne.includes('from-as-casing'));
    assert.ok(skipOne.includes('expose-proto-casing'));
    const skipAll = lintText(`# check=skip=all;error=true\n${code}`, 'dockerfile').findings.map((f) => f.rule);
    assert.ok(!skipAll.includes('from-as-casing'));
    assert.ok(!skipAll.includes('expose-proto-casing'));
    assert.ok(skipAll.includes('chmod-world-writable'));
  });
});
