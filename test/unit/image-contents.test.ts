import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/dockerfile/model';
import { parseImageReference } from '../../server/src/dockerfile/image-reference';
import {
  copiedBusybox,
  imageFamily,
  imageRuntime,
  packageChanges,
  rootImage,
  runsOpaqueInstaller,
  stageChain,
  toolAvailability,
} from '../../server/src/dockerfile/image-contents';

const final = (text: string) => parseDockerfile(text).finalStage!;

describe('imageFamily', () => {
  it('knows the common bases', () => {
    const family = (text: string) => imageFamily(parseImageReference(text));
    assert.equal(family('scratch'), 'scratch');
    assert.equal(family('gcr.io/distroless/static-debian12:nonroot'), 'distroless');
    assert.equal(family('gcr.io/distroless/base:debug'), 'distroless-debug');
    assert.equal(family('busybox:1.36'), 'busybox');
    assert.equal(family('node:22-alpine'), 'alpine');
    assert.equal(family('python:3.12-slim-bookworm'), 'debian-slim');
    assert.equal(family('ubuntu:24.04'), 'debian');
    assert.equal(family('node:22'), 'full');
    assert.equal(family('mcr.microsoft.com/windows/servercore:ltsc2022'), 'windows');
    assert.equal(family('nginx:1.27'), 'unknown');
  });
});

describe('stage chain', () => {
  it('follows base stages to the external image', () => {
    const stage = final('FROM alpine:3.20 AS base\nFROM base AS mid\nFROM mid\n');
    assert.equal(stageChain(stage).length, 3);
    assert.equal(rootImage(stage)?.text, 'alpine:3.20');
    assert.equal(imageRuntime(final('FROM node:22-slim\n')), 'node');
  });
});

describe('packageChanges and toolAvailability', () => {
  it('reads installs and removals, virtual groups and ARG package lists', () => {
    const stage = final('FROM alpine:3.20\nARG TOOLS="curl jq"\nRUN apk add --virtual .deps $TOOLS && apk del .deps\n');
    assert.deepEqual(
      packageChanges(stage).map((c) => [c.action, c.packages.join(' ')]),
      [
        ['install', 'curl jq'],
        ['remove', 'curl jq'],
      ],
    );
    assert.equal(toolAvailability(stage, 'curl').present, false);
  });
  it('counts installs of base stages and version pins', () => {
    const stage = final('FROM debian:12-slim AS base\nRUN apt-get install -y curl=7.88.1-10\nFROM base\n');
    assert.deepEqual(toolAvailability(stage, 'curl'), { present: true, reason: '', installedHere: true });
    assert.equal(toolAvailability(stage, 'wget').present, false);
  });
  it('gives up on opaque installers', () => {
    const stage = final('FROM ubuntu:24.04\nRUN curl -fsSL https://x/install | sh\n');
    assert.equal(runsOpaqueInstaller(stage), true);
    assert.equal(toolAvailability(stage, 'wget').present, undefined);
  });
  it('finds a copied BusyBox', () => {
    assert.equal(copiedBusybox(final('FROM scratch\nCOPY --from=busybox:musl /bin/busybox /bin/\n')), '/bin/busybox');
    assert.equal(copiedBusybox(final('FROM scratch\nCOPY --from=busybox:musl /bin /busybox\n')), '/busybox/busybox');
    assert.equal(copiedBusybox(final('FROM scratch\nCOPY app /app\n')), null);
  });
});
