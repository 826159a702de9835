import { defineRule } from '../../engine/rule';
import { instructionsBefore } from '../../dockerfile/package-commands';
import { copyOperands } from '../../dockerfile/package-checks';
import { imageFamily, rootImage } from '../../dockerfile/image-contents';

export const copyRelativeDestWithoutWorkdir = defineRule({
  id: 'copy-relative-dest-without-workdir',
  aliases: ['DL3045'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: false,
  docs: {
    summary: 'COPY or ADD to a relative destination in a stage that has not set WORKDIR.',
    why: 'A relative destination is resolved against the base image\'s WORKDIR, which this file does not control: with one base image the files land in /, with the next in /usr/src/app, and the CMD no longer finds them.',
    bad: 'FROM node:22-slim\nCOPY package.json .',
    good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json .',
    notes: 'A WORKDIR earlier in the stage, or in a stage of this file it builds on, counts. Destinations starting with a variable or a Windows drive are not judged, nor stages built on `scratch`, whose working directory is always /.',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      // scratch has no WORKDIR to inherit: a relative destination is relative to /.
      if (imageFamily(rootImage(stage)) === 'scratch') continue;
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
        const words = copyOperands(instruction);
        if (words.length < 2) continue;
        const destWord = words[words.length - 1];
        const dest = destWord.value.replace(/^["']|["']$/g, '');
        if (dest.startsWith('/') || dest.startsWith('$') || /^[A-Za-z]:[\\/]/.test(dest) || dest.startsWith('\\') || dest.startsWith('<<')) continue;
        if (instructionsBefore(stage, instruction).some((i) => i.keyword === 'WORKDIR')) continue;
        report({ range: destWord.range, message: `${instruction.keyword} to the relative path "${dest}" without a WORKDIR: it lands wherever the base image's WORKDIR is` });
      }
    }
  },
});
