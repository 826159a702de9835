/** `shipshape verify` refusing bad command lines before anything runs (no engine needed). */
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { main } from '../../server/src/cli/main';

const GOOD = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'runtime', 'good.Dockerfile');

async function verify(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['verify', ...args], { out: (t) => (out += t), err: (t) => (err += t), isTty: false });
  return { code, out, err };
}

describe('shipshape verify: usage and input errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-verify-cli-'));
  const log = join(dir, 'docker.log');
  const fakeDocker = join(dir, 'docker');
  writeFileSync(fakeDocker, `#!/bin/sh\necho "$@" >> '${log}'\n`);
  chmodSync(fakeDocker, 0o755);
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects the options a compose service takes from its compose file', async () => {
    const result = await verify('--service', 'web', '--hardened', '--user', '10001', '--port', '8080', '--tag', 'app:1', '--docker', fakeDocker, 'compose.yaml');
    assert.equal(result.code, 2);
    assert.equal(result.out, '');
    assert.match(result.err, /^shipshape: --tag, --port, --hardened, --user cannot be used with --service: the compose file sets the service's image, ports, user and options\n\nUsage:\n/);
    assert.equal(existsSync(log), false, 'docker was never run');
  });

  it('with --json, also prints the error as JSON on stdout', async () => {
    const service = await verify('--json', '--service', 'web', '--context', '.', 'compose.yaml');
    assert.equal(service.code, 2);
    assert.deepEqual(JSON.parse(service.out), {
      ok: false,
      error: "--context cannot be used with --service: the compose file sets the service's image, ports, user and options",
    });
    const unknown = await verify('--json', '--colour', GOOD);
    assert.deepEqual([unknown.code, JSON.parse(unknown.out)], [2, { ok: false, error: 'unknown option --colour' }]);
    const missing = await verify('--json', join(dir, 'Dockerfile'));
    assert.deepEqual([missing.code, JSON.parse(missing.out)], [2, { ok: false, error: `${join(dir, 'Dockerfile')}: no such file` }]);
    const badTag = await verify('--json', '--docker', fakeDocker, '--tag', 'x;id', GOOD);
    assert.equal(badTag.code, 2);
    assert.deepEqual(JSON.parse(badTag.out), { ok: false, error: 'The image name "x;id" contains characters an image name cannot have (";"); use lowercase letters, digits, ".", "_", "-", "/" and one ":tag".' });
    assert.equal(badTag.err, `shipshape: ${JSON.parse(badTag.out).error}\n`);
    assert.equal(existsSync(log), false, 'docker was never run');
  });

  it('without --json, keeps stdout empty on errors', async () => {
    const result = await verify('--docker', fakeDocker, '--tag', 'x;id', GOOD);
    assert.deepEqual([result.code, result.out], [2, '']);
  });
});
