import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..', '..');

test('npm run package produces a .vsix with the bundles and the rule docs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-vsix-'));
  try {
    const vsix = join(dir, 'shipshape.vsix');
    const packed = spawnSync('npm', ['run', 'package', '--', '-o', vsix], { cwd: root, encoding: 'utf8' });
    assert.equal(packed.status, 0, packed.stdout + packed.stderr);
    const listing = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).stdout.split('\n');
    for (const file of ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/server.js', 'extension/dist/cli.js', 'extension/docs/rules/final-user-root.md']) {
      assert.ok(listing.includes(file), `${file} is in the package`);
    }
    assert.ok(!listing.some((file) => file.startsWith('extension/node_modules/') || file.startsWith('extension/server/src/')), 'no sources or node_modules');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
