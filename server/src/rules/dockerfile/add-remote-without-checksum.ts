import { defineRule } from '../../engine/rule';

const REMOTE = /^https?:\/\//i;
const GIT = /(\.git([#?].*)?$)|^git@|^git:\/\//i;

export const addRemoteWithoutChecksum = defineRule({
  id: 'add-remote-without-checksum',
  aliases: [],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: false,
  docs: {
    summary: '`ADD https://…` downloads a file without `--checksum=sha256:…`.',
    why: 'Without a checksum the build takes whatever the server returns today: a re-tagged release, a compromised download site or a man in the middle changes the image without any change to the Dockerfile. `ADD --checksum` makes the build fail instead.',
    bad: 'ADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini',
    good: 'ADD --checksum=sha256:93dcc18adc78c65a028a84799ecf8ad40c936fdfc5f2a57b1acda5a8117fa82c https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini',
    notes: 'Git URLs (`.git`, `git@…`) are not reported: pin them with a commit in the fragment. There is no automatic fix, as the checksum has to come from a trusted source.',
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'ADD') continue;
      if (instruction.flags.some((f) => f.name.toLowerCase() === 'checksum')) continue;
      const words = instruction.json ?? instruction.args;
      for (const word of words.slice(0, -1)) {
        if (!REMOTE.test(word.value) || GIT.test(word.value)) continue;
        report({ range: word.range, message: `ADD downloads ${word.value} without --checksum: a changed or tampered file would be used unnoticed` });
      }
    }
  },
});
