/**
 * Every BuildKit build check (`docker build --check`) has a rule that names it as an alias, and
 * `# check=skip=…` / `# check=error=true` act on those rules.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILDKIT_CHECKS } from '../../server/src/dockerfile/build-checks';
import { allRules, lintText } from '../../server/src/linter';

const EXPECTED = [
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
];

describe('BuildKit parity', () => {
  it('knows the 22 BuildKit checks', () => {
    assert.deepEqual([...BUILDKIT_CHECKS].sort(), [...EXPECTED].sort());
  });

  for (const check of EXPECTED) {
    it(`has a rule for ${check}`, () => {
      const rules = allRules.filter((rule) => rule.aliases.includes(check));
      assert.equal(rules.length, 1, `expected exactly one rule with the alias ${check}, found ${rules.map((r) => r.id).join(', ') || 'none'}`);
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
