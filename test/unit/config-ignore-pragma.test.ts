import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyHadolintConfig, parseHadolintConfig } from '../../server/src/config/hadolint-file';
import { lintText } from '../../server/src/linter';

const DOCKERFILE = 'FROM alpine:3.20\n# hadolint ignore=DL3002\nUSER root\n';
const rootFindings = (hadolint: ReturnType<typeof emptyHadolintConfig> | undefined) =>
  lintText(DOCKERFILE, 'dockerfile', { settings: { hadolint } }).findings.filter((f) => f.rule === 'final-user-root').length;

test('.hadolint.yaml disable-ignore-pragma: pragma comments stop silencing findings', () => {
  const { config, problems } = parseHadolintConfig('disable-ignore-pragma: true\n');
  assert.deepEqual(problems, []);
  assert.equal(config.disableIgnorePragma, true);
  assert.equal(rootFindings(undefined), 0, 'the pragma silences the finding by default');
  assert.equal(rootFindings(config), 1, 'with disable-ignore-pragma the finding stays');
  assert.deepEqual(parseHadolintConfig('disable-ignore-pragma: yes please\n').problems.map((p) => p.message), ['"disable-ignore-pragma" must be true or false; it is ignored']);
});
