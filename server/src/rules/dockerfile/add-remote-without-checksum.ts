import { defineRule } from '../../engine/rule';
import { expandVariables } from '../../dockerfile/image-reference';
import { variablesAt } from '../../dockerfile/package-commands';

const REMOTE = /^https?:\/\//i;
const GIT = /(\.git([#?].*)?$)|^git@|^git:\/\//i;

export const addRemoteWithoutChecksum = defineRule({
  id: 'add-remote-without-checksum',
  aliases: [],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: false,
  docs: {
    summary: '`ADD https://…` downloads a file without `--checksum=sha256:…`.',
    why: 'Without a checksum the build takes whatever the server returns today: a re-tagged release, a compromised download site or a man in the middle changes the image without any change to the Dockerfile. `ADD --checksum` makes the build fail instead.',
    bad: 'FROM alpine:3.20\nADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini',
    good: 'FROM alpine:3.20\nADD --checksum=sha256:93dcc18adc78c65a028a84799ecf8ad40c936fdfc5f2a57b1acda5a8117fa82c https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini',
    notes: 'A source given by an ARG default or ENV value (`ARG URL=https://…`, `ADD ${URL} /x`) counts. Git URLs (`.git`, `git@…`) are not reported: pin them with a commit in the fragment. There is no automatic fix, as the checksum has to come from a trusted source.',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'ADD') continue;
        if (instruction.flags.some((f) => f.name.toLowerCase() === 'checksum')) continue;
        const values = variablesAt(model, stage, instruction);
        const words = instruction.json ?? instruction.args;
        for (const word of words.slice(0, -1)) {
          const source = expandVariables(word.value, values);
          if (!REMOTE.test(source) || GIT.test(source)) continue;
          report({ range: word.range, message: `ADD downloads ${source} without --checksum: a changed or tampered file would be used unnoticed` });
        }
      }
    }
  },
});
