/**
 * The client's decision which basic language features Shipshape gives beside Docker DX and
 * Container Tools. The module is loaded here, outside VS Code: it must not need `vscode`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decide, OTHER_DOCKER_EXTENSIONS, othersInstalled, switchesFor } from '../../client/src/language-feature-switches';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));

describe('language feature switches', () => {
  it('"on" and "off" win whatever is installed; "auto" is on only when neither other extension is', () => {
    assert.equal(decide('on', true), true);
    assert.equal(decide('on', false), true);
    assert.equal(decide('off', true), false);
    assert.equal(decide('off', false), false);
    assert.equal(decide('auto', true), false);
    assert.equal(decide('auto', false), true);
  });

  it('a missing or unknown setting value counts as "auto"', () => {
    for (const value of [undefined, null, '', 'ON', 'true', true, 1, {}]) {
      assert.equal(decide(value, true), false, JSON.stringify(value));
      assert.equal(decide(value, false), true, JSON.stringify(value));
    }
  });

  it('Docker DX and Container Tools count as the other extensions, in any case; the old Docker extension does not', () => {
    assert.deepEqual([...OTHER_DOCKER_EXTENSIONS], ['docker.docker', 'ms-azuretools.vscode-containers']);
    assert.equal(othersInstalled([]), false);
    assert.equal(othersInstalled(['docker.docker']), true);
    assert.equal(othersInstalled(['Docker.docker']), true);
    assert.equal(othersInstalled(['redhat.vscode-yaml', 'ms-azuretools.vscode-containers']), true);
    assert.equal(othersInstalled(['MS-AzureTools.vscode-containers']), true);
    assert.equal(othersInstalled(['ms-azuretools.vscode-docker', 'docker.docker-extension-pack', 'shipshape.shipshape']), false);
  });

  it('decides each file kind from its own setting', () => {
    assert.deepEqual(switchesFor({}, []), { dockerfile: true, compose: true });
    assert.deepEqual(switchesFor({ dockerfile: 'auto', compose: 'auto' }, ['docker.docker']), { dockerfile: false, compose: false });
    assert.deepEqual(switchesFor({ dockerfile: 'on', compose: 'auto' }, ['docker.docker']), { dockerfile: true, compose: false });
    assert.deepEqual(switchesFor({ dockerfile: 'auto', compose: 'on' }, ['ms-azuretools.vscode-containers']), { dockerfile: false, compose: true });
    assert.deepEqual(switchesFor({ dockerfile: 'off', compose: 'auto' }, []), { dockerfile: false, compose: true });
  });

  it('the settings the extension declares offer exactly auto, on and off, with auto the default', () => {
    const properties = manifest.contributes.configuration.properties;
    for (const kind of ['dockerfile', 'compose']) {
      const setting = properties[`shipshape.languageFeatures.${kind}`];
      assert.ok(setting, `shipshape.languageFeatures.${kind} is declared`);
      assert.deepEqual(setting.enum, ['auto', 'on', 'off']);
      assert.equal(setting.default, 'auto');
    }
  });
});
