import { defineRule } from '../../engine/rule';
import type { TextEdit } from '../../engine/text';
import { deleteShortOption, deleteWords, scriptCommands, wordRange } from './insecure-flag-helpers';

export const insecureDownload = defineRule({
  id: 'insecure-download',
  aliases: ['CKV2_DOCKER_2', 'CKV2_DOCKER_3'],
  severity: 'error',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: true,
  docs: {
    summary: 'curl, wget or git is told not to verify TLS certificates (`curl -k`, `wget --no-check-certificate`, `git config http.sslVerify false`).',
    why: 'Without certificate checks anyone on the network path (a proxy, a compromised mirror, a hostile Wi-Fi) can serve their own file, and it ends up in the image and runs with the build\'s privileges.',
    bad: 'RUN curl -fsSLk https://example.com/install.sh | sh',
    good: 'RUN curl -fsSL https://example.com/install.sh | sh',
    notes: 'If the server uses a private CA, add its certificate to the image (`update-ca-certificates`, `curl --cacert`) instead. The fix removes the option; `git config … false` is reported without a fix.',
  },
  check({ model, report }) {
    for (const { script, name, args, command } of scriptCommands(model)) {
      const words = command.words;
      const offset = command.nameIndex + 1;
      if (name === 'curl') {
        args.forEach((arg, i) => {
          if (arg.value === '--insecure') {
            report({ range: wordRange(script, arg), message: 'curl --insecure turns off TLS certificate verification', fixes: fix('Remove --insecure', deleteWords(script, words, offset + i, undefined, model.index)) });
          } else if (/^-[A-Za-z]*k[A-Za-z]*$/.test(arg.value) && !isValueOf(args, i)) {
            const edit = arg.value === '-k' ? deleteWords(script, words, offset + i, undefined, model.index) : deleteShortOption(script, arg, 'k');
            report({ range: wordRange(script, arg), message: 'curl -k turns off TLS certificate verification', fixes: edit ? fix('Remove -k', edit) : [] });
          }
        });
      } else if (name === 'wget') {
        args.forEach((arg, i) => {
          if (arg.value !== '--no-check-certificate') return;
          report({ range: wordRange(script, arg), message: 'wget --no-check-certificate turns off TLS certificate verification', fixes: fix('Remove --no-check-certificate', deleteWords(script, words, offset + i, undefined, model.index)) });
        });
      } else if (name === 'git') {
        args.forEach((arg, i) => {
          const next = args[i + 1];
          if (arg.value === '-c' && next && /^http(\..*)?\.sslverify=(false|0|no|off)$/i.test(next.value)) {
            report({ range: wordRange(script, next), message: 'git -c http.sslVerify=false turns off TLS certificate verification', fixes: fix('Remove the -c option', deleteWords(script, words, offset + i, offset + i + 1, model.index)) });
          } else if (/^http(\..*)?\.sslverify$/i.test(arg.value) && next && /^(false|0|no|off)$/i.test(next.value) && args.slice(0, i).some((a) => a.value === 'config')) {
            report({ range: { start: wordRange(script, arg).start, end: wordRange(script, next).end }, message: 'git config http.sslVerify false turns off TLS certificate verification' });
          }
        });
      }
    }
  },
});

/** True when args[i] is the value of the option before it (`-o -k` never happens for curl, but `-H -k` could). */
function isValueOf(args: readonly { value: string }[], i: number): boolean {
  const previous = args[i - 1]?.value ?? '';
  return /^-(H|d|o|u|A|e|X|x|b|c|F|T|w)$/.test(previous) || /^--(header|data|output|user|user-agent|referer|request|proxy|cookie|form|upload-file|write-out)$/.test(previous);
}

function fix(title: string, edit: TextEdit) {
  return [{ title, isPreferred: true, edits: [edit] }];
}
