import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/dockerfile/model';
import {
  allCommands,
  findInvocations,
  hasAnyFlag,
  hasCacheMountCovering,
  PIP_NAMES,
  removesPath,
  shippedStages,
  stagesInImage,
} from '../../server/src/dockerfile/package-commands';

const slice = (script: string, w: { start: number; end: number }) => script.slice(w.start, w.end);

describe('findInvocations', () => {
  it('finds apt-get install across chains, with prefixes and sudo', () => {
    const script = 'apt-get update && DEBIAN_FRONTEND=noninteractive sudo apt-get -qq install --no-install-recommends curl ca-certificates; echo done || true';
    const found = findInvocations(script, 'apt-get', 'install');
    assert.equal(found.length, 1);
    const [inv] = found;
    assert.equal(slice(script, inv.program), 'apt-get');
    assert.equal(slice(script, inv.subcommand!), 'install');
    assert.deepEqual(inv.globalArgs.map((w) => w.value), ['-qq']);
    assert.deepEqual(inv.packages.map((w) => w.value), ['curl', 'ca-certificates']);
    assert.deepEqual(inv.prefix.map((w) => w.value), ['DEBIAN_FRONTEND=noninteractive', 'sudo']);
    assert.equal(inv.nested, false);
  });

  it('skips option values before the subcommand and between packages', () => {
    const script = 'apt-get -o Dpkg::Options::=--force-confold install -y -t bookworm-backports foo >/dev/null 2>&1';
    const [inv] = findInvocations(script, ['apt-get', 'apt'], ['install']);
    assert.equal(inv.subcommand?.value, 'install');
    assert.deepEqual(inv.packages.map((w) => w.value), ['foo']);
  });

  it('does not take a later word for the subcommand', () => {
    assert.equal(findInvocations('apt-get update install', 'apt-get', 'install').length, 0);
    assert.equal(findInvocations('echo apt-get install x', 'apt-get', 'install').length, 0);
  });

  it('reads sh -c and bash -c strings and maps offsets back', () => {
    const script = `sh -c "apt-get install -y \\"foo\\" bar" && bash -ec 'apk add --no-cache git'`;
    const [apt] = findInvocations(script, 'apt-get', 'install');
    assert.equal(apt.nested, true);
    assert.equal(slice(script, apt.subcommand!), 'install');
    assert.deepEqual(apt.packages.map((w) => [w.value, slice(script, w)]), [['foo', '"foo\\"'], ['bar', 'bar']]);
    const [apk] = findInvocations(script, 'apk', 'add');
    assert.equal(slice(script, apk.program), 'apk');
    assert.ok(hasAnyFlag(apk.args, null, '--no-cache'));
  });

  it('finds python -m pip and pipX.Y', () => {
    const script = 'python3 -m pip install -r requirements.txt flask && pip3.12 install --no-cache-dir x && /opt/venv/bin/pip install y && pipx install z';
    const found = findInvocations(script, PIP_NAMES, 'install');
    assert.deepEqual(found.map((f) => f.manager), ['pip', 'pip3.12', 'pip']);
    assert.deepEqual(found[0].packages.map((w) => w.value), ['flask']);
    assert.equal(found[0].module?.value, 'pip');
    assert.equal(found[2].program.value, '/opt/venv/bin/pip');
  });

  it('reads heredoc RUN scripts with document positions', () => {
    const model = parseDockerfile('FROM debian:12\nRUN <<EOF\nset -e\napt-get install curl\nEOF\n');
    const run = model.instructions[1];
    const [inv] = findInvocations(run.script!, 'apt-get', 'install');
    assert.deepEqual(run.script!.rangeOf(inv.subcommand!.start, inv.subcommand!.end), { start: { line: 3, character: 8 }, end: { line: 3, character: 15 } });
  });

  it('maps nested words across continuation lines', () => {
    const model = parseDockerfile('FROM debian:12\nRUN bash -c "apt-get update && \\\n    apt-get install curl"\n');
    const run = model.instructions[1];
    const [inv] = findInvocations(run.script!, 'apt-get', 'install');
    assert.deepEqual(run.script!.rangeOf(inv.subcommand!.start, inv.subcommand!.end), { start: { line: 2, character: 12 }, end: { line: 2, character: 19 } });
  });

  it('lists nested commands in order', () => {
    assert.deepEqual(allCommands('a && sh -c "b; c" && d').map((c) => c.command.words[0].value), ['a', 'sh', 'b', 'c', 'd']);
  });
});

describe('RUN helpers', () => {
  it('sees cache mounts covering a folder', () => {
    const model = parseDockerfile('FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update\nRUN --mount=type=bind,target=/var/lib/apt/lists true\n');
    assert.equal(hasCacheMountCovering(model.instructions[1], '/var/lib/apt/lists'), true);
    assert.equal(hasCacheMountCovering(model.instructions[2], '/var/lib/apt/lists'), false);
  });

  it('sees rm -rf of a folder or its contents', () => {
    assert.equal(removesPath('apt-get update && rm -rf /var/lib/apt/lists/*', '/var/lib/apt/lists'), true);
    assert.equal(removesPath('rm -fr /var/lib/apt/lists', '/var/lib/apt/lists'), true);
    assert.equal(removesPath('rm -Rf /var/lib/apt', '/var/lib/apt/lists'), true);
    assert.equal(removesPath('rm -f /var/lib/apt/lists/lock', '/var/lib/apt/lists'), false);
    assert.equal(removesPath('rm -rf /tmp/*', '/var/lib/apt/lists'), false);
  });

  it('knows which stages are shipped', () => {
    const model = parseDockerfile('FROM debian:12 AS build\nRUN true\nFROM debian:12 AS base\nFROM base AS final\n');
    assert.deepEqual([...shippedStages(model)].map((s) => s.name), ['final', 'base']);
  });

  it('knows which stages can put files into the image', () => {
    const names = (text: string) => [...stagesInImage(parseDockerfile(text))].map((s) => s.name ?? String(s.index)).sort();
    // A stage copied from, the stage it builds on, a stage copied by number, one copied from by a copied stage.
    const text = 'FROM debian:12 AS numbered\nFROM debian:12 AS unused\nFROM debian:12 AS deps\nFROM deps AS build\nCOPY --from=0 /a /a\nFROM debian:12 AS tools\nFROM debian:12\nCOPY --from=BUILD /out /out\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n';
    assert.deepEqual(names(text), ['5', 'build', 'deps', 'numbered']);
    // A --from resolved through a global ARG; an unresolved one could be any earlier stage.
    assert.deepEqual(names('ARG SRC=b\nFROM debian:12 AS a\nFROM debian:12 AS b\nFROM debian:12\nCOPY --from=${SRC} /x /x\n'), ['2', 'b']);
    assert.deepEqual(names('FROM debian:12 AS a\nFROM debian:12 AS b\nFROM debian:12\nARG SRC\nCOPY --from=${SRC} /x /x\n'), ['2', 'a', 'b']);
  });
});
