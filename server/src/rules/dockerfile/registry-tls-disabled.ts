import { PIP_NAMES } from '../../dockerfile/package-commands';
import { defineRule } from '../../engine/rule';
import type { ShellWord } from '../../dockerfile/shell-words';
import { deleteWords, scriptCommands, wordRange } from './insecure-flag-helpers';

/** `-o` value of apt that turns certificate checks off, for all hosts or one (`Acquire::https::repo.example.com::Verify-Peer=false`). */
const APT_TLS_OFF_OPTION = /^Acquire::https(::[^:\s=]+)?::Verify-(Peer|Host)=(false|0|no)$/i;
/** The same in apt's configuration syntax (`Acquire::https::Verify-Peer "false";`). */
const APT_TLS_OFF_SETTING = /Acquire::https(?:::[^:\s="]+)?::Verify-(?:Peer|Host)(?:\s*=\s*|\s+)"?(?:false|0|no)\b"?/i;
/** Settings whose value false turns certificate checks off: npm and Yarn 1 `strict-ssl`, Yarn 2+ `enableStrictSsl`. */
const STRICT_SSL_KEYS = new Set(['strict-ssl', 'enablestrictssl']);

export const registryTlsDisabled = defineRule({
  id: 'registry-tls-disabled',
  aliases: ['CKV2_DOCKER_4', 'CKV2_DOCKER_13', 'CKV2_DOCKER_15'],
  severity: 'error',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: true,
  docs: {
    summary: 'A package manager is told to trust its registry without TLS checks: `pip --trusted-host`, `npm`/`yarn config set strict-ssl false`, `npm --strict-ssl=false`, `yum`/`dnf config-manager --setopt=sslverify=0`, apt\'s `Acquire::https::Verify-Peer=false`, `go get -insecure`.',
    why: 'Packages then come from whoever answers for the registry\'s name: a man in the middle can swap any dependency, and the build runs its install scripts.',
    bad: 'RUN pip install --trusted-host pypi.org -r requirements.txt',
    good: 'RUN pip install -r requirements.txt',
    notes:
      'npm, Yarn and pnpm settings are found in `config set` (also `c set` and the short `npm set`, options such as `-g` between), as `key value` or `key=value`, for `strict-ssl` and Yarn 2\'s `enableStrictSsl`; npm and pnpm also as options of any command (`--strict-ssl=false`, `--strict-ssl false`, `--no-strict-ssl`). apt\'s `Acquire::https::Verify-Peer` and `Verify-Host` are found as `-o` options and in configuration text the script writes (`echo \'Acquire::https::Verify-Peer "false";\' > /etc/apt/apt.conf.d/…`); `APT::Get::AllowUnauthenticated` is reported by package-signature-disabled, `GOINSECURE` and `GOFLAGS=-insecure` by tls-disabled-by-env. For a private registry with its own CA, install the CA certificate (`pip --cert`, `npm config set cafile`, `sslcacert=` for yum, `Acquire::https::CAInfo` for apt) instead. The fix removes `--trusted-host` and its value, the npm and pnpm options, apt\'s `-o` option and `-insecure`; the config commands are reported without a fix.',
  },
  check({ model, report }) {
    for (const { script, name, args, command } of scriptCommands(model)) {
      const words = command.words;
      const offset = command.nameIndex + 1;
      const isPip = PIP_NAMES.test(name) || (/^python(\d+(\.\d+)?)?$/.test(name) && args[0]?.value === '-m' && PIP_NAMES.test(args[1]?.value ?? ''));
      if (isPip) {
        args.forEach((arg, i) => {
          if (arg.value === '--trusted-host' && args[i + 1]) {
            report({ range: wordRange(script, arg), message: `pip --trusted-host ${args[i + 1].value} turns off TLS verification for that host`, fixes: [{ title: 'Remove --trusted-host', isPreferred: true, edits: [deleteWords(script, words, offset + i, offset + i + 1, model.index)] }] });
          } else if (arg.value.startsWith('--trusted-host=')) {
            report({ range: wordRange(script, arg), message: `pip ${arg.value} turns off TLS verification for that host`, fixes: [{ title: 'Remove --trusted-host', isPreferred: true, edits: [deleteWords(script, words, offset + i, undefined, model.index)] }] });
          } else if (/^(global|user|site|install)\.trusted-host$/.test(arg.value) && args.some((a) => a.value === 'config')) {
            report({ range: wordRange(script, arg), message: 'pip config sets trusted-host: TLS verification is off for that host' });
          }
        });
      } else if (name === 'npm' || name === 'yarn' || name === 'pnpm') {
        const setting = strictSslSetOff(args);
        if (setting) {
          report({ range: { start: wordRange(script, setting.from).start, end: wordRange(script, setting.to).end }, message: `${name} ${setting.text} turns off TLS verification for the registry` });
        }
        if (name !== 'yarn') {
          args.forEach((arg, i) => {
            const off = strictSslFlagOff(args, i);
            if (!off) return;
            report({
              range: { start: wordRange(script, arg).start, end: wordRange(script, args[i + off.words - 1]).end },
              message: `${name} ${off.text} turns off TLS verification for the registry`,
              fixes: [{ title: `Remove ${arg.value}`, isPreferred: true, edits: [deleteWords(script, words, offset + i, offset + i + off.words - 1, model.index)] }],
            });
          });
        }
      } else if (name === 'go' && args[0]?.value === 'get') {
        args.forEach((arg, i) => {
          if (!/^--?insecure(=true)?$/.test(arg.value)) return;
          report({ range: wordRange(script, arg), message: `go get ${arg.value} fetches modules without TLS verification, and over plain HTTP`, fixes: [{ title: `Remove ${arg.value}`, isPreferred: true, edits: [deleteWords(script, words, offset + i, undefined, model.index)] }] });
        });
      } else if (/^(yum|dnf|microdnf|yum-config-manager|dnf-config-manager)$/.test(name)) {
        for (const arg of args) {
          if (/^--setopt=([^=\s]+\.)?sslverify=(0|false|no)$/i.test(arg.value)) {
            report({ range: wordRange(script, arg), message: `${name} ${arg.value} turns off TLS verification for the repository` });
          }
        }
      }
      const isApt = name === 'apt-get' || name === 'apt' || name === 'aptitude';
      args.forEach((arg, i) => {
        const option = isApt ? aptOption(args, i) : null;
        if (option !== null && APT_TLS_OFF_OPTION.test(option)) {
          const separate = args[i - 1]?.value === '-o' || args[i - 1]?.value === '--option';
          const from = separate ? i - 1 : i;
          report({
            range: wordRange(script, arg),
            message: `${name} -o ${option} turns off TLS verification for the repositories`,
            fixes: [{ title: 'Remove the option', isPreferred: true, edits: [deleteWords(script, words, offset + from, offset + i, model.index)] }],
          });
          return;
        }
        // apt configuration written by the script (`echo 'Acquire::https::Verify-Peer "false";' > /etc/apt/apt.conf.d/…`).
        const setting = APT_TLS_OFF_SETTING.exec(arg.value);
        if (setting && !isApt) report({ range: wordRange(script, arg), message: `The apt setting ${setting[0]} turns off TLS verification for the repositories` });
      });
    }
  },
});

/** A `config set` (or `c set`, `set`) of strict-ssl to false among a package manager's words: where it is and how it reads. */
function strictSslSetOff(args: readonly ShellWord[]): { from: ShellWord; to: ShellWord; text: string } | null {
  const positional = args.filter((a) => !a.value.startsWith('-'));
  const set = positional[0]?.value === 'set' ? 0 : (positional[0]?.value === 'config' || positional[0]?.value === 'c') && positional[1]?.value === 'set' ? 1 : -1;
  if (set < 0) return null;
  const key = positional[set + 1];
  if (!key) return null;
  const equals = key.value.indexOf('=');
  const name = equals < 0 ? key.value : key.value.slice(0, equals);
  const valueWord = equals < 0 ? positional[set + 2] : key;
  const value = equals < 0 ? valueWord?.value : key.value.slice(equals + 1);
  if (!valueWord || !STRICT_SSL_KEYS.has(name.toLowerCase()) || !/^false$/i.test(value ?? '')) return null;
  const verb = positional.slice(0, set + 1).map((a) => a.value).join(' ');
  return { from: key, to: valueWord, text: `${verb} ${equals < 0 ? `${name} ${value}` : key.value}` };
}

/** npm's and pnpm's `--strict-ssl=false`, `--strict-ssl false` and `--no-strict-ssl` at args[i], with the number of words it takes. */
function strictSslFlagOff(args: readonly ShellWord[], i: number): { words: number; text: string } | null {
  const value = args[i].value;
  if (value === '--no-strict-ssl' || /^--strict-ssl=false$/i.test(value)) return { words: 1, text: value };
  if (value === '--strict-ssl' && /^false$/i.test(args[i + 1]?.value ?? '')) return { words: 2, text: `${value} ${args[i + 1].value}` };
  return null;
}

/** The option an apt word gives: the word after `-o`/`--option`, or the rest of `-oX` / `--option=X`; null for other words. */
function aptOption(args: readonly ShellWord[], i: number): string | null {
  const value = args[i].value;
  const previous = args[i - 1]?.value;
  if (previous === '-o' || previous === '--option') return value;
  if (value.startsWith('--option=')) return value.slice('--option='.length);
  if (value.startsWith('-o') && value.length > 2 && !value.startsWith('--')) return value.slice(2);
  return null;
}
