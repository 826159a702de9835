import { defineRule } from '../../engine/rule';
import { imageFamily, rootImage, toolAvailability } from '../../dockerfile/image-contents';
import { allCommands, insertAfterWord, runInstructions } from '../../dockerfile/package-commands';
import { baseCommandName } from '../../dockerfile/shell-words';
import type { Fix } from '../../engine/types';

export const wgetProgress = defineRule({
  id: 'wget-progress',
  aliases: ['DL3047'],
  severity: 'info',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: true,
  docs: {
    summary: '`wget` without `--progress`, `-q` or `-nv` fills the build log with a progress bar.',
    why: 'Without a terminal, GNU wget prints a line of dots for every few kilobytes: a large download adds thousands of lines to the build log and hides the output that matters.',
    bad: 'FROM debian:12\nRUN wget https://example.com/app.tar.gz',
    good: 'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/app.tar.gz',
    notes:
      'Info, as in hadolint\'s documentation table. The fix adds `--progress=dot:giga`, except on images whose wget is BusyBox\'s (Alpine, BusyBox), which does not know that option; there add `-q` by hand.',
  },
  check({ model, report }) {
    // Once per stage, and only for stages that run wget: it reads the whole stage.
    const busyboxByStage = new Map<unknown, boolean>();
    const isBusybox = (stage: ReturnType<typeof model.stageOf>): boolean => {
      let known = busyboxByStage.get(stage);
      if (known === undefined) {
        const family = stage ? imageFamily(rootImage(stage)) : 'unknown';
        known = (family === 'alpine' || family === 'busybox' || family === 'distroless-debug') && !(stage !== null && toolAvailability(stage, 'wget').installedHere);
        busyboxByStage.set(stage, known);
      }
      return known;
    };
    for (const run of runInstructions(model.instructions)) {
      const script = run.script;
      if (!script) continue;
      const stage = model.stageOf(run);
      for (const { command } of allCommands(script)) {
        if (baseCommandName(command) !== 'wget') continue;
        const args = command.words.slice(command.nameIndex + 1).map((w) => w.value);
        const quiet = args.some(
          (a) => a.startsWith('--progress') || a === '--quiet' || a === '-nv' || a === '--no-verbose' || a.startsWith('--output-file') || a.startsWith('--append-output') || quietShortGroup(a),
        );
        if (quiet) continue;
        const word = command.words[command.nameIndex];
        const fixes: Fix[] = isBusybox(stage) ? [] : [{ title: 'Add --progress=dot:giga', isPreferred: true, edits: [insertAfterWord(script, word, ' --progress=dot:giga')] }];
        report({ range: script.rangeOf(word.start, word.end), message: 'wget without --progress, -q or -nv: the progress output floods the build log', fixes });
      }
    }
  },
});

/** `-q`, `-o log`, `-a log` inside a group of short options (`-qO-`, `-nv` is handled apart); letters after `-O` are its value. */
function quietShortGroup(arg: string): boolean {
  const match = /^-([A-Za-z]+)/.exec(arg);
  if (!match || arg.startsWith('--')) return false;
  for (const letter of match[1]) {
    if (letter === 'q' || letter === 'o' || letter === 'a') return true;
    if (letter === 'O' || letter === 'P' || letter === 'e' || letter === 'i' || letter === 'T' || letter === 't' || letter === 'U') return false;
  }
  return false;
}
