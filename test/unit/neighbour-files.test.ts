import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { dockerfileDependsOn, neighbourFiles } from '../../server/src/lsp/documents';

describe('the files around an open document', () => {
  const folder = mkdtempSync(join(tmpdir(), 'shipshape-neighbours-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  const documents = new TextDocuments(TextDocument);
  const uri = pathToFileURL(join(folder, 'Dockerfile')).href;
  const read = (name: string) => neighbourFiles(documents, uri)!.readFile(name);

  it('reads a file from disk, and again once it changed there, even within the same second', () => {
    const path = join(folder, '.dockerignore');
    writeFileSync(path, '.git\n');
    assert.equal(read('.dockerignore'), '.git\n');
    writeFileSync(path, '.env\n');
    const second = new Date(Math.floor(Date.now() / 1000) * 1000);
    utimesSync(path, second, second);
    assert.equal(read('.dockerignore'), '.env\n');
    writeFileSync(path, '.envs\n');
    utimesSync(path, second, second);
    assert.equal(read('.dockerignore'), '.envs\n', 'a new size is a change even with the same time');
  });

  it('gives undefined for a file that is not there (any more), or a folder', () => {
    const path = join(folder, 'gone');
    writeFileSync(path, 'x');
    assert.equal(read('gone'), 'x');
    rmSync(path);
    assert.equal(read('gone'), undefined);
    mkdirSync(join(folder, 'sub'));
    assert.equal(read('sub'), undefined);
  });
});

describe('which open Dockerfiles a changed file may change', () => {
  const dockerfile = 'file:///w/p/docker/Dockerfile';
  it('a .dockerignore or compose file in its folder or a folder above', () => {
    for (const changed of ['file:///w/p/docker/.dockerignore', 'file:///w/p/docker/Dockerfile.dockerignore', 'file:///w/p/.dockerignore', 'file:///w/p/compose.yaml', 'file:///w/docker-compose.override.yml']) {
      assert.equal(dockerfileDependsOn(dockerfile, changed), true, changed);
    }
  });
  it('not a file of a sibling or child folder, nor another kind of file', () => {
    for (const changed of ['file:///w/p/web/.dockerignore', 'file:///w/p/docker/sub/compose.yaml', 'file:///w/p/package.json', 'file:///w/p/docker/Dockerfile']) {
      assert.equal(dockerfileDependsOn(dockerfile, changed), false, changed);
    }
  });
});
