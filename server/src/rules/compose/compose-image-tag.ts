import { withDefaults } from '../../compose/interpolation';
import { originNote, reportRange, scalarText } from '../../compose/model';
import { parseImageReference } from '../../dockerfile/image-reference';
import { defineRule } from '../../engine/rule';

export const composeImageTag = defineRule({
  id: 'compose-image-tag',
  aliases: [],
  severity: 'warning',
  kinds: ['compose'],
  fixable: false,
  docs: {
    summary: 'A service\'s image has no tag, or the `latest` tag.',
    why: 'Without a pinned tag every `docker compose pull` can bring a new major version: the database migrates its files, the API changes, and two hosts run different code from the same file. Pin a version tag (or a digest).',
    bad: 'services:\n  db:\n    image: postgres',
    good: 'services:\n  db:\n    image: postgres:16.4',
    notes: 'A service that also has `build:` names the image it builds and is not reported. Tags given by ${VAR} without a default are left alone.',
  },
  check({ model, report }) {
    for (const service of model.services) {
      const entry = service.get('image');
      const raw = scalarText(entry?.value);
      if (!entry || raw === undefined || service.get('build')) continue;
      const { text, unresolved } = withDefaults(raw.trim());
      if (text === '') continue;
      const image = parseImageReference(text);
      if (image.digest) continue;
      if (image.tag === null && unresolved) continue;
      if (image.tag !== null && image.tag !== 'latest') continue;
      report({
        range: reportRange(entry.value!),
        message: image.tag === 'latest' ? `Image ${text} of service "${service.name}" uses the latest tag: pin a version${originNote(entry.value!)}` : `Image ${text} of service "${service.name}" has no tag (it means latest): pin a version${originNote(entry.value!)}`,
      });
    }
  },
});
