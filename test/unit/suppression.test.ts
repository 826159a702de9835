import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
});
