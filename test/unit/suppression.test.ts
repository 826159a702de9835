import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleNameKey } from '../../server/src/engine/rule-names';
import { lintText } from '../../server/src/linter';

/** Which of the two findings survive: final-user-root on `USER root` (line 3+) and image-tag on an untagged FROM. */
function rulesLeft(text: string): string[] {
  return lintText(text, 'dockerfile')
    .findings.filter((f) => f.rule === 'final-user-root' || f.rule === 'image-tag')
    .map((f) => `${f.rule}@${f.range.start.line + 1}`);
}

describe('pragma comments', () => {
  it('nothing is silenced without a pragma', () => {
    assert.deepEqual(rulesLeft('FROM alpine\nUSER root\n'), ['image-tag@1', 'final-user-root@2']);
  });

  it('`# shipshape ignore=` covers the next instruction (all of its lines), by id or alias, with or without spaces after commas', () => {
    for (const pragma of ['# shipshape ignore=final-user-root', '# shipshape ignore=DL3002', '#hadolint ignore=dl3002', '# shipshape ignore=image-tag, final-user-root', '# hadolint ignore=DL3006,DL3002']) {
      assert.deepEqual(rulesLeft(`FROM alpine\n${pragma}\n# another comment\nUSER \\\n  root\n`), ['image-tag@1'], pragma);
    }
    assert.deepEqual(rulesLeft('# shipshape ignore=final-user-root\nFROM alpine\nUSER root\n'), ['image-tag@2', 'final-user-root@3'], 'only the next instruction');
  });

  it('file-wide pragmas: ours, hadolint global, Checkov skip, BuildKit check=skip', () => {
    assert.deepEqual(rulesLeft('FROM alpine\n# shipshape global ignore=final-user-root\nUSER root\n'), ['image-tag@1']);
    assert.deepEqual(rulesLeft('# hadolint global ignore=DL3006, DL3002\nFROM alpine\nUSER root\n'), []);
    assert.deepEqual(rulesLeft('FROM alpine\nUSER root\n# checkov:skip=CKV_DOCKER_8: runs as root on purpose\n'), ['image-tag@1']);
    assert.deepEqual(rulesLeft('# check=skip=JSONArgsRecommended\nFROM alpine\nUSER root\n'), ['image-tag@2', 'final-user-root@3'], 'check=skip names only BuildKit checks');
  });

  it('Trivy inline ignores cover the next instruction', () => {
    assert.deepEqual(rulesLeft('# trivy:ignore:AVD-DS-0001\nFROM alpine\nUSER root\n'), ['final-user-root@3']);
  });

  it("Trivy's short ids (DS002, DS-0002) name the same check as AVD-DS-0002", () => {
    for (const id of ['AVD-DS-0002', 'DS-0002', 'DS002', 'ds-0002', 'avd-ds-0002']) {
      assert.deepEqual(rulesLeft(`FROM alpine\n# trivy:ignore:${id}\nUSER root\n`), ['image-tag@1'], id);
    }
    assert.deepEqual(rulesLeft('FROM alpine\n# trivy:ignore:DS001\nUSER root\n'), ['image-tag@1', 'final-user-root@3'], 'another check is not silenced');
    assert.deepEqual(rulesLeft('FROM alpine\n# shipshape global ignore=DS002\nUSER root\n'), ['image-tag@1'], 'file-wide');
  });
});

describe('pragmas naming KICS queries (names with spaces)', () => {
  const compose = 'services:\n  web:\n    image: nginx:1.27\n';
  const memoryFindings = (text: string) => lintText(text, 'compose').findings.filter((f) => f.rule === 'compose-memory-limit').length;

  it('a quoted name or its kebab-case spelling silences the rule; unquoted words do not', () => {
    assert.equal(memoryFindings(compose), 1);
    assert.equal(memoryFindings(`# shipshape global ignore="Memory Not Limited"\n${compose}`), 0);
    assert.equal(memoryFindings(`# shipshape global ignore=compose-read-only, "Memory Not Limited"\n${compose}`), 0, 'in a list');
    assert.equal(memoryFindings(`# shipshape global ignore=memory-not-limited\n${compose}`), 0);
    assert.equal(memoryFindings(`# shipshape global ignore=Memory Not Limited\n${compose}`), 1, 'the list ends at the first space that is not after a comma');
    assert.equal(memoryFindings('services:\n  # shipshape ignore="memory not limited"\n  web:\n    image: nginx:1.27\n'), 0, 'above the service');
  });
});

describe('rule names', () => {
  it('compare case-insensitively, with Trivy\'s three spellings of a Dockerfile check as one', () => {
    assert.equal(ruleNameKey('DS002'), 'avd-ds-0002');
    assert.equal(ruleNameKey('DS-0002'), 'avd-ds-0002');
    assert.equal(ruleNameKey('AVD-DS-0002'), 'avd-ds-0002');
    assert.equal(ruleNameKey('DS030'), 'avd-ds-0030');
    assert.equal(ruleNameKey('DS-0032'), 'avd-ds-0032');
    assert.equal(ruleNameKey('DL3002'), 'dl3002');
    assert.equal(ruleNameKey('CKV_DOCKER_2'), 'ckv_docker_2');
    assert.equal(ruleNameKey('AVD-KSV-0002'), 'avd-ksv-0002');
  });

  it("KICS query names compare in kebab case, without quotes", () => {
    assert.equal(ruleNameKey('Memory Not Limited'), 'memory-not-limited');
    assert.equal(ruleNameKey("Image Version Using 'latest'"), 'image-version-using-latest');
  });

  it('settings name a rule by any spelling of a Trivy id', () => {
    const code = 'FROM alpine:3.20\nUSER root\n';
    for (const name of ['DS002', 'DS-0002', 'avd-ds-0002']) {
      const finding = lintText(code, 'dockerfile', { settings: { rules: { [name]: 'info' } } }).findings.find((f) => f.rule === 'final-user-root');
      assert.equal(finding?.severity, 'info', name);
    }
  });
});
