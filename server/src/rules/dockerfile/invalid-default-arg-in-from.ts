import { defineRule } from '../../engine/rule';
import { argPairs, expandAll, PLATFORM_ARGS } from './build-check-helpers';

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
/** The grammar of an image reference (`[domain/]path[:tag][@digest]`). */
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`);

export function isValidImageReference(text: string): boolean {
  return text.length > 0 && text.length <= 255 + 200 && REFERENCE.test(text);
}

/** BuildKit removes quotes from the image word (`alpine:"${TAG}"`). */
function removeQuotes(text: string): string {
  return text.replace(/"([^"]*)"|'([^']*)'/g, (_, double, single) => double ?? single ?? '');
}

export const invalidDefaultArgInFrom = defineRule({
  id: 'invalid-default-arg-in-from',
  aliases: ['InvalidDefaultArgInFrom'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: false,
  docs: {
    summary: 'With its ARGs at their defaults, a FROM names an empty or invalid image.',
    why: 'A plain `docker build` (no `--build-arg`) then fails: `ARG TAG` without a default makes `FROM busybox:${TAG}` read `busybox:`. A Dockerfile should build with its defaults.',
    bad: 'ARG TAG\nFROM busybox:${TAG}',
    good: 'ARG TAG=1.36\nFROM busybox:${TAG}',
    notes: 'ARGs are expanded with their defaults (an ARG without one, or an undeclared name, is empty; the automatic platform ARGs take linux/amd64 values) and the result is checked against the image reference grammar. An ARG that may be empty (`FROM busybox:stable${VARIANT}`) is fine.',
  },
  check({ model, report }) {
    const values = new Map<string, string>(PLATFORM_ARGS);
    for (const arg of model.globalArgs) {
      for (const pair of argPairs(arg)) {
        const raw = pair.valueRange ? model.text.slice(model.index.offsetAt(pair.valueRange.start), model.index.offsetAt(pair.valueRange.end)) : '';
        values.set(pair.name, removeQuotes(expandAll(raw, values, model.escape)));
      }
    }
    for (const stage of model.stages) {
      const word = stage.imageWord;
      if (!word || !word.value.includes('$')) continue;
      const expanded = removeQuotes(expandAll(word.value, values, model.escape));
      if (isValidImageReference(expanded)) continue;
      report({ range: word.range, message: `Default value for ARG ${word.value} results in empty or invalid base image name` });
    }
  },
});
