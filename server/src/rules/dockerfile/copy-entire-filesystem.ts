import { defineRule } from '../../engine/rule';
import { builtFromScratch, rootImage } from '../../dockerfile/image-contents';
import { copyOperands } from '../../dockerfile/package-checks';

/** Images that hold only a few files at / on purpose, to be copied whole (cross-compilation helpers). */
const ARTIFACT_IMAGES = /(^|\/)tonistiigi\/xx$/;

export const copyEntireFilesystem = defineRule({
  id: 'copy-entire-filesystem',
  aliases: ['DL3067'],
  severity: 'warning',
  kinds: ['dockerfile'],
  fixable: false,
  docs: {
    summary: '`COPY --from=<stage> / /` copies a whole filesystem into the image.',
    why: 'Everything of the other stage lands in the image: compilers, caches, package databases, secrets left in build layers. It defeats the point of a multi-stage build and overwrites the base image\'s own files.',
    bad: 'FROM golang:1.23 AS build\nRUN go build -o /out/app\nFROM scratch\nCOPY --from=build / /',
    good: 'FROM golang:1.23 AS build\nRUN go build -o /out/app\nFROM scratch\nCOPY --from=build /out/app /app',
    notes: 'Not reported when the source is a stage built `FROM scratch` (a stage that holds only artifacts), a stage picked by a build argument among stages all built `FROM scratch` (`FROM binaries-$TARGETOS AS binaries`), or the cross-compilation helper image tonistiigi/xx, which are meant to be copied whole.',
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'COPY') continue;
      const from = instruction.flags.find((f) => f.name.toLowerCase() === 'from');
      if (!from || from.value === null) continue;
      const words = copyOperands(instruction).map((w) => (instruction.json ? w.value : w.value.replace(/^["']|["']$/g, '')));
      if (words.length < 2 || words[words.length - 1] !== '/' || !words.slice(0, -1).includes('/')) continue;
      const source = model.stages.find((s) => s.name !== null && s.name.toLowerCase() === from.value!.toLowerCase());
      const repository = source ? rootImage(source)?.repository ?? '' : from.value.replace(/[:@].*$/, '');
      if ((source && builtFromScratch(source, model.stages)) || ARTIFACT_IMAGES.test(repository)) continue;
      report({ range: instruction.range, message: `COPY --from=${from.value} / / copies the entire filesystem of "${from.value}"` });
    }
  },
});
