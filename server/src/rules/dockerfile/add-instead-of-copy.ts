import { defineRule } from '../../engine/rule';
import { flagValue } from '../../dockerfile/instruction';
import { copyOperands } from '../../dockerfile/package-checks';

const REMOTE = /^(https?:\/\/|git@|git:\/\/|ssh:\/\/)|\.git(#.*)?$/;
const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst|tar\.lz|tar\.lzma|tlz|gz|bz2|xz|zst|lz|lzma|z|Z)$/i;
/** Flags only ADD understands: changing the keyword would break the instruction. */
const ADD_ONLY_FLAGS = ['checksum', 'keep-git-dir', 'unpack'];

export const addInsteadOfCopy = defineRule({
  id: 'add-instead-of-copy',
  aliases: ['DL3020', 'AVD-DS-0005', 'CKV_DOCKER_4'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: true,
  docs: {
    summary: 'ADD copies local files or folders; COPY does the same without ADD\'s extras.',
    why:
      'ADD also unpacks local archives and fetches URLs. Used for plain files it hides which of those a line relies on, and a file later renamed to `.tar.gz` is suddenly extracted into the image. COPY does exactly one thing.',
    bad: 'FROM alpine:3.20\nADD app.py /srv/',
    good: 'FROM alpine:3.20\nCOPY app.py /srv/',
    notes:
      'Warning rather than hadolint\'s error: the build does what it should. URLs, git sources and archives (extracted on purpose) are not reported, nor is ADD with flags only ADD has (`--checksum`, `--keep-git-dir`, `--unpack`). The fix changes the keyword to COPY.',
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'ADD') continue;
      if (ADD_ONLY_FLAGS.some((flag) => flagValue(instruction, flag) !== undefined)) continue;
      const words = copyOperands(instruction).map((w) => (instruction.json ? w.value : w.value.replace(/^["']|["']$/g, '')));
      if (words.length < 2) continue;
      const sources = words.slice(0, -1);
      if (sources.some((s) => REMOTE.test(s) || ARCHIVE.test(s) || s.startsWith('<<') || s.includes('$'))) continue;
      report({
        range: instruction.keywordRange,
        message: `ADD of local ${sources.length === 1 ? `"${sources[0]}"` : 'files'}: use COPY`,
        fixes: [{ title: 'Replace ADD with COPY', isPreferred: true, edits: [{ range: instruction.keywordRange, newText: instruction.keywordText === 'add' ? 'copy' : 'COPY' }] }],
      });
    }
  },
});
