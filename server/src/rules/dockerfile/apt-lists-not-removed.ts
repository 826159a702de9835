import { defineRule } from '../../engine/rule';
import type { DockerfileModel } from '../../dockerfile/model';
import type { Instruction } from '../../dockerfile/instruction';
import { scriptEndsOpen } from '../../dockerfile/shell-words';
import { findInvocations, hasCacheMountCovering, removesPath, shippedRuns } from '../../dockerfile/package-commands';
import type { Fix } from '../../engine/types';
import { loneRefresh } from './package-update-alone';

const LISTS = '/var/lib/apt/lists';
const CLEANUP = 'rm -rf /var/lib/apt/lists/*';

export const aptListsNotRemoved = defineRule({
  id: 'apt-lists-not-removed',
  aliases: ['DL3009'],
  severity: 'info',
  kinds: ['dockerfile'],
  fixable: true,
  docs: {
    summary: 'A RUN runs `apt-get update` but does not remove /var/lib/apt/lists in the same RUN.',
    why:
      '`apt-get update` downloads the package lists (tens of megabytes) into /var/lib/apt/lists. The image never needs them after the install, and removing them in a later RUN does not help: the layer that downloaded them keeps them.',
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*',
    notes:
      'Reported on the RUN that runs `apt-get update` (or `apt update`), since that is the layer that keeps the lists; a RUN that only installs from lists fetched earlier is not reported. Not reported when the RUN runs `apt-get dist-clean` (apt 2.7.8 and later: it removes the lists too) or mounts a cache at /var/lib/apt/lists (or /var/lib/apt), nor in a build stage that the final image does not build on: only the final stage and its base stages are shipped (hadolint reports the same set). The fix appends `&& rm -rf /var/lib/apt/lists/*` to the RUN in its own continuation style, or a line inside a heredoc script; it is not offered when the RUN only updates (a later RUN still needs the lists), nor when the script ends inside an unclosed quote or a continuation, where the command would not run. A RUN that does nothing but the update is left to package-update-alone, which reports it. Info rather than a warning: the lists make the image bigger, not less safe.',
  },
  check({ model, report }) {
    for (const { run, script } of shippedRuns(model)) {
      const updates = findInvocations(script, ['apt-get', 'apt'], 'update');
      if (updates.length === 0) continue;
      if (hasCacheMountCovering(run, LISTS) || removesPath(script, LISTS)) continue;
      if (findInvocations(script, ['apt-get', 'apt'], 'dist-clean').length > 0) continue;
      const installs = findInvocations(script, ['apt-get', 'apt'], ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'reinstall']);
      const update = updates[0];
      const usesLists = installs.some((inv) => inv.order > update.order);
      // A RUN that only refreshes is package-update-alone's finding: one report for one problem.
      if (!usesLists && loneRefresh(run)) continue;
      const fix = usesLists ? appendCleanup(model, run) : null;
      report({
        range: script.rangeOf(update.program.start, update.subcommand!.end),
        message: usesLists
          ? `\`${update.manager} update\` without \`${CLEANUP}\` in the same RUN: the package lists stay in the image`
          : `\`${update.manager} update\` with no install after it in this RUN: the package lists stay in this layer (update, install and remove the lists in one RUN)`,
        fixes: fix ? [fix] : [],
      });
    }
  },
});

function appendCleanup(model: DockerfileModel, run: Instruction): Fix | null {
  const script = run.script!;
  const eol = model.index.eol();
  const title = `Remove the package lists at the end of the RUN (${CLEANUP})`;
  // A script ending inside a quote or a continuation would take the command in as an argument.
  if (scriptEndsOpen(script.text)) return null;
  if (run.argsText && script.text !== run.argsText.text && run.heredocs.length > 0) {
    // Heredoc script: a last line inside the heredoc, indented like the line before it, which goes
    // before the terminator line (none: the heredoc is not terminated, or dockerfile-ast read the
    // terminator as body after a line ending in a backslash).
    const end = script.positionAt(script.text.length);
    if (end.line >= run.range.end.line) return null;
    const lastLine = model.index.lineText(end.line);
    const indent = /^[ \t]*/.exec(lastLine)![0];
    return { title, isPreferred: true, edits: [{ range: { start: end, end }, newText: `${eol}${indent}${CLEANUP}` }] };
  }
  const commands = script.commands;
  if (commands.length === 0) return null;
  const lastEnd = Math.max(...commands.map((c) => c.end));
  const at = script.rangeOf(lastEnd - 1, lastEnd).end;
  const first = run.range.start.line;
  const last = run.range.end.line;
  const escape = model.escape;
  let indent = '    ';
  let trailingStyle = false;
  if (last > first) {
    indent = /^[ \t]*/.exec(model.index.lineText(last))![0] || indent;
    for (let line = first; line < last; line++) {
      if (/&&\s*\S\s*$/.test(model.index.lineText(line)) && model.index.lineText(line).trimEnd().endsWith(escape)) trailingStyle = true;
    }
  }
  const newText = trailingStyle ? ` && ${escape}${eol}${indent}${CLEANUP}` : ` ${escape}${eol}${indent}&& ${CLEANUP}`;
  return { title, isPreferred: true, edits: [{ range: { start: at, end: at }, newText }] };
}
