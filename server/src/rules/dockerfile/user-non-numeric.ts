import { defineRule } from '../../engine/rule';
import { isWindowsImage } from '../../dockerfile/image-contents';

export const userNonNumeric = defineRule({
  id: 'user-non-numeric',
  aliases: ['DL3066'],
  severity: 'info',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: false,
  docs: {
    summary: 'USER names a user instead of a numeric UID.',
    why: 'A user name is resolved from /etc/passwd inside the image. Kubernetes `runAsNonRoot` cannot verify a name and refuses the pod, and other tools that read the image config cannot tell whether the user is root.',
    bad: 'FROM alpine:3.20\nRUN adduser -D -u 10001 app\nUSER app',
    good: 'FROM alpine:3.20\nRUN adduser -D -u 10001 app\nUSER 10001',
    notes: '`root` is left to final-user-root; values with variables are not judged, nor Windows images, whose users have no numeric ids.',
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'USER' || instruction.args.length === 0) continue;
      const stage = model.stageOf(instruction);
      if (stage && isWindowsImage(stage)) continue;
      const word = instruction.args[0];
      const user = word.value.split(':')[0];
      if (/^\d+$/.test(user) || user.includes('$') || user === 'root' || user === '') continue;
      report({ range: word.range, message: `USER "${user}" is a name, not a numeric UID: tools outside the image cannot resolve it` });
    }
  },
});
