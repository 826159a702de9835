import { defineRule } from '../../engine/rule';

export const imageTag = defineRule({
  id: 'image-tag',
  aliases: ['DL3006', 'DL3007', 'AVD-DS-0001', 'CKV_DOCKER_7', "Image Version Using 'latest'", 'Image Version Not Explicit'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: false,
  docs: {
    summary: 'A FROM image without a tag, or with `:latest`.',
    why:
      'An untagged image means `:latest`, which moves with every upstream release: the same Dockerfile builds a different image next week (new major version, new OS release, new vulnerabilities or broken builds), and you cannot tell which one you shipped.',
    bad: 'FROM node\nFROM python:latest',
    good: 'FROM node:22.11-bookworm-slim\nFROM python:3.12-slim@sha256:…',
    notes:
      'Every stage is checked, since build stages decide what goes into the image too. ARG defaults declared before the first FROM are resolved (`FROM ${BASE}` with `ARG BASE=node:latest` is reported); images that depend on an ARG without a default are not, nor those whose default is a placeholder rather than an image (`unknown`, `none`, `changeme`, `placeholder`, `todo`…, or a name with capitals such as `REPLACE_ME`, which no image can have): such a Dockerfile expects the image from `--build-arg`, and a build without it fails to pull rather than drifting. References to earlier stages, `scratch` and digest-pinned images pass. No fix: only you know the version to pin.',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const word = stage.imageWord;
      const image = stage.image;
      if (!word || !image || stage.baseStage || image.digest) continue;
      if (image.repository.toLowerCase() === 'scratch' && !image.registry) continue;
      // Not an image name at all (a template placeholder, a half-typed word): parse-error's business.
      if (!/^[A-Za-z0-9][A-Za-z0-9._/${}-]*$/.test(image.repository)) continue;
      // A placeholder default (`ARG BASE_IMAGE=unknown`) names no image: the build passes the real one with --build-arg.
      if (word.value.includes('$') && isPlaceholder(image.repository)) continue;
      const viaArg = word.value.includes('$') ? ` (from ${argNames(word.value)})` : '';
      if (image.tag === 'latest') {
        report({
          range: word.range,
          message: `"${image.text}"${viaArg} uses the latest tag, which moves with every release: pin a version tag or a digest`,
        });
        continue;
      }
      if (image.tag !== null) continue;
      if (image.hasVariable) {
        // An unresolved variable may carry the tag (`node${SUFFIX}`); only a literal tag-less name is reported.
        continue;
      }
      report({
        range: word.range,
        message: `"${image.text}"${viaArg} has no tag, so it means ${image.text}:latest, which moves with every release: pin a version tag or a digest`,
      });
    }
  },
});

/** Default values that stand for "set me" rather than for an image. */
const PLACEHOLDERS = new Set([
  'unknown', 'none', 'null', 'nil', 'undefined', 'unset', 'notset', 'placeholder', 'changeme', 'replaceme', 'setme',
  'overrideme', 'required', 'mustbeset', 'todo', 'tbd', 'dummy', 'invalid', 'missing', 'empty',
]);

/** True when the last part of a repository is a placeholder word, or is not a valid name (capitals: `REPLACE_ME`). */
function isPlaceholder(repository: string): boolean {
  const name = repository.slice(repository.lastIndexOf('/') + 1);
  return /[A-Z]/.test(name) || PLACEHOLDERS.has(name.replace(/[-_.]/g, ''));
}

function argNames(text: string): string {
  const names = [...text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
  return names.length === 1 ? `ARG ${names[0]}` : `ARGs ${names.join(', ')}`;
}
