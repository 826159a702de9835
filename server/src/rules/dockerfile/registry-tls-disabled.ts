import { PIP_NAMES } from '../../dockerfile/package-commands';
import { defineRule } from '../../engine/rule';
import { deleteWords, scriptCommands, wordRange } from './insecure-flag-helpers';

export const registryTlsDisabled = defineRule({
  id: 'registry-tls-disabled',
  aliases: ['CKV2_DOCKER_4', 'CKV2_DOCKER_13', 'CKV2_DOCKER_15'],
  severity: 'error',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: true,
  docs: {
    summary: 'A package manager is told to trust its registry without TLS checks: `pip --trusted-host`, `npm`/`yarn config set strict-ssl false`, `yum`/`dnf config-manager --setopt=sslverify=0`.',
    why: 'Packages then come from whoever answers for the registry\'s name: a man in the middle can swap any dependency, and the build runs its install scripts.',
    bad: 'RUN pip install --trusted-host pypi.org -r requirements.txt',
    good: 'RUN pip install -r requirements.txt',
    notes: 'For a private registry with its own CA, install the CA certificate (`pip --cert`, `npm config set cafile`, `sslcacert=` for yum) instead. The fix removes `--trusted-host` and its value; the config commands are reported without a fix.',
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
        const set = args.findIndex((a) => a.value === 'set');
        if (set < 0 || !args.slice(0, set).some((a) => a.value === 'config' || a.value === 'c')) continue;
        const key = args[set + 1];
        if (!key) continue;
        const [k, inline] = key.value.split('=');
        const value = inline ?? args[set + 2]?.value;
        if (k === 'strict-ssl' && /^false$/i.test(value ?? '')) {
          report({ range: { start: wordRange(script, key).start, end: wordRange(script, inline !== undefined ? key : args[set + 2]).end }, message: `${name} config set strict-ssl false turns off TLS verification for the registry` });
        }
      } else if (/^(yum|dnf|microdnf|yum-config-manager|dnf-config-manager)$/.test(name)) {
        for (const arg of args) {
          if (/^--setopt=([^=\s]+\.)?sslverify=(0|false|no)$/i.test(arg.value)) {
            report({ range: wordRange(script, arg), message: `${name} ${arg.value} turns off TLS verification for the repository` });
          }
        }
      }
    }
  },
});
