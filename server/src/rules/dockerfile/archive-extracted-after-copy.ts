import { defineRule } from '../../engine/rule';
import { allCommands } from '../../dockerfile/package-commands';
import { baseCommandName } from '../../dockerfile/shell-words';
import type { Instruction } from '../../dockerfile/instruction';
import { copyOperands } from '../../dockerfile/package-checks';

const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst|gz|bz2|xz|zip)$/i;
const UNPACKERS = new Set(['unzip', 'gunzip', 'bunzip2', 'unlzma', 'unxz', 'uncompress', 'zcat', 'gzcat']);

export const archiveExtractedAfterCopy = defineRule({
  id: 'archive-extracted-after-copy',
  aliases: ['DL3010'],
  severity: 'info',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: false,
  docs: {
    summary: 'A local archive is copied into the image with COPY and then extracted by a RUN.',
    why: 'The COPY layer keeps the archive even if the RUN deletes it afterwards, so the image carries both the archive and its contents. ADD extracts a local tar archive in one step, or a `RUN --mount=type=bind` can extract it without ever storing it.',
    bad: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz',
    good: 'FROM debian:12\nADD app.tar.gz /opt/',
    notes: 'Matched by the archive\'s file name; `tar -x`/`--extract` and unzip, gunzip, unxz and similar count as extracting.',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const copied = new Map<string, Instruction>();
      for (const instruction of stage.instructions) {
        if (instruction.keyword === 'COPY' && !instruction.flags.some((f) => f.name.toLowerCase() === 'from')) {
          const words = copyOperands(instruction).map((w) => w.value.replace(/^["']|["']$/g, ''));
          if (words.length < 2) continue;
          const dest = words[words.length - 1];
          const names = ARCHIVE.test(dest) ? [basename(dest)] : words.slice(0, -1).filter((w) => ARCHIVE.test(w)).map(basename);
          for (const name of names) copied.set(name, instruction);
          continue;
        }
        if (instruction.keyword !== 'RUN' || !instruction.script || copied.size === 0) continue;
        for (const { command } of allCommands(instruction.script)) {
          const name = baseCommandName(command);
          const args = command.words.slice(command.nameIndex + 1).map((w) => w.value);
          const extracts = (name === 'tar' && args.some((a) => a === '--extract' || a === '--get' || /^-?[A-Za-z]*x[A-Za-z]*$/.test(a) && (a.startsWith('-') || a === args[0]))) || UNPACKERS.has(name);
          if (!extracts) continue;
          for (const arg of args) {
            const copy = copied.get(basename(arg));
            if (!copy) continue;
            report({ range: copy.keywordRange, message: `"${basename(arg)}" is copied here and extracted on line ${instruction.range.start.line + 1}: the archive stays in this layer; use ADD to extract it` });
            copied.delete(basename(arg));
          }
        }
      }
    }
  },
});

function basename(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
