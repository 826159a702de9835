import { defineRule } from '../../engine/rule';
import type { Instruction } from '../../dockerfile/instruction';
import {
  findInvocations,
  hasAnyFlag,
  insertAfterWord,
  instructionsBefore,
  lastSetValue,
  PIP_NAMES,
  runMounts,
  shippedRuns,
} from '../../dockerfile/package-commands';

const TRUTHY = /^(1|true|yes|on)$/i;

export const pipNoCacheDir = defineRule({
  id: 'pip-no-cache-dir',
  aliases: ['DL3042'],
  severity: 'info',
  kinds: ['dockerfile'],
  fixable: true,
  docs: {
    summary: '`pip install` without `--no-cache-dir` keeps every downloaded wheel in the image.',
    why:
      'pip saves what it downloads and builds under ~/.cache/pip so the next install is faster. In an image there is no next install: the cache is dead weight, often tens or hundreds of megabytes for scientific packages.',
    bad: 'FROM python:3.12-slim\nRUN pip install flask',
    good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask',
    notes:
      'Covers pip, pip3, pip3.12 and `python -m pip`; pip also accepts the abbreviation `--no-cache`. Not reported when PIP_NO_CACHE_DIR is set (ENV, ARG or on the command), when the RUN mounts a cache at ~/.cache/pip (or passes `--cache-dir` into a mount), or in a build stage whose layers are not part of the final image. `uv pip install` is not checked: uv keeps its own cache, controlled by `--no-cache`/UV_NO_CACHE. Info rather than hadolint\'s warning: the cache makes the image bigger, not less safe.',
  },
  check({ model, report }) {
    for (const { run, stage, script } of shippedRuns(model)) {
      const invocations = findInvocations(script, PIP_NAMES, 'install');
      if (invocations.length === 0 || hasPipCacheMount(run)) continue;
      if (stage && TRUTHY.test(lastSetValue(instructionsBefore(stage, run), 'PIP_NO_CACHE_DIR') ?? '')) continue;
      if (/\bPIP_NO_CACHE_DIR=["']?(1|true|yes|on)\b/i.test(script.text)) continue;
      for (const inv of invocations) {
        const words = [...inv.globalArgs, ...inv.args];
        if (hasAnyFlag(words, null, '--no-cache', '--no-cache-d', '--no-cache-di', '--no-cache-dir') || cacheDirInMount(run, words.map((w) => w.value))) continue;
        const sub = inv.subcommand!;
        const shown = inv.module ? `python -m ${inv.manager}` : inv.manager;
        report({
          range: script.rangeOf(inv.program.start, sub.end),
          message: `\`${shown} install\` without --no-cache-dir keeps pip's download cache in the image`,
          fixes: [{ title: 'Add --no-cache-dir', isPreferred: true, edits: [insertAfterWord(script, sub, ' --no-cache-dir')] }],
        });
      }
    }
  },
});

/** A cache (or tmpfs) mount on pip's cache folder, ~/.cache or ~/.cache/pip of any user. */
function hasPipCacheMount(run: Instruction): boolean {
  return runMounts(run).some((mount) => (mount.type === 'cache' || mount.type === 'tmpfs') && mount.target !== null && /(^|\/)\.cache(\/pip)?\/?$/.test(mount.target));
}

/** `--cache-dir DIR` (or `--cache-dir=DIR`) pointing into a cache or tmpfs mount of the RUN. */
function cacheDirInMount(run: Instruction, words: readonly string[]): boolean {
  let dir: string | undefined;
  words.forEach((word, i) => {
    if (word === '--cache-dir') dir = words[i + 1];
    else if (word.startsWith('--cache-dir=')) dir = word.slice('--cache-dir='.length);
  });
  if (!dir) return false;
  const wanted = dir.replace(/\/+$/, '');
  return runMounts(run).some((mount) => {
    if ((mount.type !== 'cache' && mount.type !== 'tmpfs') || !mount.target) return false;
    const target = mount.target.replace(/\/+$/, '');
    return wanted === target || wanted.startsWith(target + '/');
  });
}
