import { defineRule } from '../../engine/rule';
import { deleteWords, scriptCommands, wordRange } from './insecure-flag-helpers';

const APT_FLAGS = new Set(['--allow-unauthenticated', '--allow-insecure-repositories', '--force-yes']);
const APT_OPTIONS = /^(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|Acquire::AllowDowngradeToInsecureRepositories|APT::Get::force-yes)=(1|true|yes)$/i;
/** The same options in apt's configuration syntax (`APT::Get::AllowUnauthenticated "true";`). */
const APT_SETTING = /(?:APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|Acquire::AllowDowngradeToInsecureRepositories|APT::Get::force-yes)(?:\s*=\s*|\s+)"?(?:1|true|yes)\b"?/i;
const RPM_FLAGS = new Set(['--nosignature', '--nodigest', '--noverify', '--nofiledigest', '--nogpgcheck']);
const TRUSTED_SOURCE = /\[[^\]]*\btrusted=yes\b[^\]]*\]/;

export const packageSignatureDisabled = defineRule({
  id: 'package-signature-disabled',
  aliases: ['CKV2_DOCKER_7', 'CKV2_DOCKER_8', 'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11'],
  severity: 'error',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: true,
  docs: {
    summary: 'A package manager installs without checking signatures: `apt-get --allow-unauthenticated`/`--allow-insecure-repositories`/`--force-yes`, `[trusted=yes]` sources, `apk --allow-untrusted`, `rpm --nosignature`/`--nodigest`, `yum`/`dnf --nogpgcheck`.',
    why: 'Package signatures are what proves a package comes from the distribution and was not altered on a mirror or on the wire. Without them, a tampered package installs silently, with root privileges.',
    bad: 'RUN apt-get install -y --allow-unauthenticated curl',
    good: 'RUN apt-get install -y curl',
    notes: 'For a third-party repository, import its signing key (`signed-by=` in the source line, `rpm --import`, `/etc/apk/keys`). The fix removes the option; `[trusted=yes]` and the same apt options written into apt\'s configuration by the script (`echo \'APT::Get::AllowUnauthenticated "true";\' > /etc/apt/apt.conf.d/…`) are reported without a fix. `apk index --allow-untrusted` (indexing packages built locally) is not an install and is not reported.',
  },
  check({ model, report }) {
    for (const { script, name, args, command } of scriptCommands(model)) {
      const words = command.words;
      const offset = command.nameIndex + 1;
      const flag = (i: number, message: string) =>
        report({ range: wordRange(script, args[i]), message, fixes: [{ title: `Remove ${args[i].value}`, isPreferred: true, edits: [deleteWords(script, words, offset + i, undefined, model.index)] }] });
      if (name === 'apt-get' || name === 'apt' || name === 'aptitude') {
        args.forEach((arg, i) => {
          if (APT_FLAGS.has(arg.value)) flag(i, `${name} ${arg.value} installs packages without verifying their signatures`);
          else if ((args[i - 1]?.value === '-o' || args[i - 1]?.value === '--option') && APT_OPTIONS.test(arg.value)) {
            report({ range: wordRange(script, arg), message: `${name} -o ${arg.value} installs packages without verifying their signatures`, fixes: [{ title: 'Remove the option', isPreferred: true, edits: [deleteWords(script, words, offset + i - 1, offset + i, model.index)] }] });
          }
        });
      } else if (name === 'apk' && args.some((a) => ['add', 'upgrade', 'fix'].includes(a.value))) {
        // `apk index --allow-untrusted` only builds an index of local packages (signed afterwards).
        args.forEach((arg, i) => {
          if (arg.value === '--allow-untrusted') flag(i, 'apk --allow-untrusted installs packages without verifying their signatures');
        });
      } else if (/^(rpm|yum|dnf|microdnf|tdnf|zypper)$/.test(name)) {
        args.forEach((arg, i) => {
          if (RPM_FLAGS.has(arg.value) || (name === 'zypper' && arg.value === '--no-gpg-checks')) flag(i, `${name} ${arg.value} installs packages without verifying their signatures`);
        });
      }
      const isApt = name === 'apt-get' || name === 'apt' || name === 'aptitude';
      for (const arg of args) {
        if (TRUSTED_SOURCE.test(arg.value) && /deb\s/.test(arg.value)) {
          report({ range: wordRange(script, arg), message: 'An APT source marked [trusted=yes] is used without verifying its signatures' });
        }
        // apt configuration written by the script (`echo 'APT::Get::AllowUnauthenticated "true";' > /etc/apt/apt.conf.d/…`).
        const setting = isApt ? null : APT_SETTING.exec(arg.value);
        if (setting) report({ range: wordRange(script, arg), message: `The apt setting ${setting[0]} installs packages without verifying their signatures` });
      }
    }
  },
});
