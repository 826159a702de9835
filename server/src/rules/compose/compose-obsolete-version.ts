import { removeEntry } from '../../compose/yaml-edits';
import { defineRule } from '../../engine/rule';

export const composeObsoleteVersion = defineRule({
  id: 'compose-obsolete-version',
  aliases: [],
  severity: 'info',
  kinds: ['compose'],
  fixable: true,
  docs: {
    summary: 'The file starts with the obsolete top-level `version:`.',
    why: 'Compose v2 ignores `version:` and warns that it is obsolete: the file is read by the Compose Specification whatever it says, so the line only misleads readers about which features apply.',
    bad: 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27',
    good: 'services:\n  web:\n    image: nginx:1.27',
    notes: 'The fix removes the line; there is none while the file has a YAML error (a repeated `version:`, a second document after `---`).',
  },
  check({ model, report }) {
    const entry = model.top('version');
    if (!entry) return;
    // With a YAML error anywhere (a repeated `version:`, a second document after `---`), what the
    // file means once the line is gone is a guess: no fix.
    const edit = model.problems.length === 0 ? removeEntry(model, entry) : null;
    // A blank line that separated it from the rest goes with it.
    const next = edit ? edit.range.end.line : -1;
    if (edit && edit.range.end.character === 0 && next + 1 < model.index.lineCount && model.index.lineText(next).trim() === '') edit.range.end = { line: next + 1, character: 0 };
    report({
      range: entry.range,
      message: 'version: is obsolete: docker compose ignores it and warns',
      fixes: edit ? [{ title: 'Remove version:', edits: [edit], isPreferred: true }] : [],
    });
  },
});
