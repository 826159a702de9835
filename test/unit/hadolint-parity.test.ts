/**
 * Every hadolint rule (DL1001, DL3000–DL3067, DL4000–DL4006) is an alias of the Shipshape rule that
 * checks the same thing, so `# hadolint ignore=DLxxxx` pragmas and `"DLxxxx": "off"` settings keep
 * working for teams that move over. Each id is pinned to its rule: a wrong mapping fails here. Where
 * our default severity differs from hadolint's, the rule's notes say why.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Severity } from '../../server/src/engine/types';
import { allRules } from '../../server/src/rules';
import { UPSTREAM_WITHOUT_RULE } from '../../server/src/rules/upstream-ids';

type HadolintSeverity = 'error' | 'warning' | 'info' | 'style' | 'ignore';

/** hadolint's ids today: the rule that takes each one, and hadolint's default severity (its rule sources). */
const CURRENT: Record<string, [rule: string, severity: HadolintSeverity]> = {
  DL1001: ['inline-ignore-pragma', 'ignore'],
  DL3000: ['workdir-relative', 'error'],
  DL3001: ['irrelevant-command', 'info'],
  DL3002: ['final-user-root', 'warning'],
  DL3003: ['cd-instead-of-workdir', 'warning'],
  DL3004: ['sudo-in-run', 'error'],
  DL3006: ['image-tag', 'warning'],
  DL3007: ['image-tag', 'warning'],
  DL3008: ['apt-pin-versions', 'warning'],
  DL3009: ['apt-lists-not-removed', 'info'],
  DL3010: ['archive-extracted-after-copy', 'info'],
  DL3011: ['expose-port-range', 'error'],
  DL3012: ['multiple-cmd-entrypoint-healthcheck', 'error'],
  DL3013: ['pip-pin-versions', 'warning'],
  DL3014: ['apt-get-missing-yes', 'warning'],
  DL3015: ['apt-no-install-recommends', 'info'],
  DL3016: ['npm-pin-versions', 'warning'],
  DL3018: ['apk-pin-versions', 'warning'],
  DL3019: ['apk-no-cache', 'info'],
  DL3020: ['add-instead-of-copy', 'error'],
  DL3021: ['copy-multiple-dest-slash', 'error'],
  DL3022: ['copy-from-unknown-stage', 'warning'],
  DL3023: ['copy-from-own-stage', 'error'],
  DL3024: ['duplicate-stage-name', 'error'],
  DL3025: ['shell-form-cmd', 'warning'],
  DL3026: ['registry-not-allowed', 'error'],
  DL3027: ['apt-instead-of-apt-get', 'warning'],
  DL3028: ['gem-pin-versions', 'warning'],
  DL3029: ['from-platform-flag', 'warning'],
  DL3030: ['yum-missing-yes', 'warning'],
  DL3032: ['yum-clean-all', 'warning'],
  DL3033: ['yum-pin-versions', 'warning'],
  DL3034: ['zypper-missing-yes', 'warning'],
  DL3035: ['os-upgrade-in-build', 'warning'],
  DL3036: ['zypper-clean', 'warning'],
  DL3037: ['zypper-pin-versions', 'warning'],
  DL3038: ['dnf-missing-yes', 'warning'],
  DL3040: ['dnf-clean-all', 'warning'],
  DL3041: ['dnf-pin-versions', 'warning'],
  DL3042: ['pip-no-cache-dir', 'warning'],
  DL3043: ['onbuild-forbidden-trigger', 'error'],
  DL3044: ['env-self-reference', 'error'],
  DL3045: ['copy-relative-dest-without-workdir', 'warning'],
  DL3046: ['useradd-high-uid-without-l', 'warning'],
  DL3047: ['wget-progress', 'info'],
  DL3048: ['label-key-invalid', 'style'],
  DL3049: ['label-schema', 'info'],
  DL3050: ['label-schema', 'info'],
  DL3051: ['label-schema', 'warning'],
  DL3052: ['label-schema', 'warning'],
  DL3053: ['label-schema', 'warning'],
  DL3054: ['label-schema', 'warning'],
  DL3055: ['label-schema', 'warning'],
  DL3056: ['label-schema', 'warning'],
  DL3057: ['healthcheck-missing', 'ignore'],
  DL3058: ['label-schema', 'warning'],
  DL3059: ['consecutive-run', 'info'],
  DL3060: ['yarn-cache-clean', 'info'],
  DL3061: ['instruction-before-from', 'error'],
  DL3062: ['go-install-pin-versions', 'warning'],
  // DL3063 is the reserved stage name check (`FROM … AS scratch`); a "USER missing" rule proposed under the same number was not merged.
  DL3063: ['reserved-stage-name', 'warning'],
  DL3064: ['secret-in-env-arg', 'warning'],
  DL3065: ['redundant-target-platform', 'warning'],
  DL3066: ['user-non-numeric', 'info'],
  DL3067: ['copy-entire-filesystem', 'warning'],
  DL4000: ['maintainer-deprecated', 'error'],
  DL4001: ['wget-and-curl', 'warning'],
  DL4003: ['multiple-cmd-entrypoint-healthcheck', 'warning'],
  DL4004: ['multiple-cmd-entrypoint-healthcheck', 'error'],
  DL4005: ['shell-change-via-ln', 'warning'],
  DL4006: ['missing-pipefail', 'warning'],
};

/** Ids hadolint used to have (upgrading all packages with apt-get, apk, yum, dnf); still answered to, for old pragmas. */
const RETIRED: Record<string, string> = {
  DL3005: 'os-upgrade-in-build',
  DL3017: 'os-upgrade-in-build',
  DL3031: 'os-upgrade-in-build',
  DL3039: 'os-upgrade-in-build',
};

/** The level a hadolint severity maps to here; null for rules hadolint ships switched off. */
const SAME_LEVEL: Record<HadolintSeverity, Severity | null> = { error: 'error', warning: 'warning', info: 'info', style: 'hint', ignore: null };

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `DL${from + i}`);

function rulesWithAlias(id: string): string[] {
  return allRules.filter((rule) => rule.aliases.some((alias) => alias.toUpperCase() === id)).map((rule) => rule.id);
}

describe('hadolint parity', () => {
  const pinned: Record<string, string> = { ...Object.fromEntries(Object.entries(CURRENT).map(([id, [rule]]) => [id, rule])), ...RETIRED };

  for (const [id, rule] of Object.entries(pinned)) {
    it(`${id} is an alias of ${rule}, and of no other rule`, () => {
      assert.deepEqual(rulesWithAlias(id), [rule]);
    });
  }

  it('no rule claims a DL id outside the table', () => {
    const claimed = allRules.flatMap((rule) => rule.aliases.filter((alias) => /^DL\d{4}$/i.test(alias)).map((alias) => alias.toUpperCase()));
    assert.deepEqual(claimed.filter((id) => !(id in pinned)), []);
  });

  it('the table covers DL3000–DL3067 without gaps, and DL4000–DL4006 but for DL4002, which hadolint never used', () => {
    assert.deepEqual(Object.keys(pinned).filter((id) => id.startsWith('DL30')).sort(), range(3000, 3067));
    assert.deepEqual(Object.keys(pinned).filter((id) => id.startsWith('DL4')).sort(), range(4000, 4006).filter((id) => id !== 'DL4002'));
    const gaps = UPSTREAM_WITHOUT_RULE.filter((gap) => gap.tool === 'hadolint').flatMap((gap) => gap.ids);
    assert.ok(gaps.includes('DL4002'), 'the README says why DL4002 has no rule');
    assert.deepEqual(gaps.filter((id) => id in pinned), [], 'an id listed as without a rule has one');
  });

  it("where our default severity differs from hadolint's, the rule's notes say why", () => {
    const unexplained: string[] = [];
    let differences = 0;
    for (const [id, [ruleId, theirs]] of Object.entries(CURRENT)) {
      const rule = allRules.find((r) => r.id === ruleId)!;
      if (SAME_LEVEL[theirs] === rule.severity) continue;
      differences++;
      const why = theirs === 'ignore' ? /hadolint ships this rule switched off/ : new RegExp(`hadolint's ${theirs}`);
      if (!why.test(rule.docs.notes ?? '')) unexplained.push(`${id}: ${ruleId} is ${rule.severity}, hadolint says ${theirs}`);
    }
    assert.ok(differences > 0);
    assert.deepEqual(unexplained, []);
  });
});
