/**
 * parseShell over seeded random scripts built from the shell's awkward parts (case … esac arms,
 * wrappers, quotes, substitutions, continuations, heredoc markers): it returns in bounded time and
 * every command and word lies inside the script, in order.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseShell, scriptEndsOpen } from '../../server/src/dockerfile/shell-words';
import { Random } from '../fuzz/random';

const PIECES = [
  'case', 'in', 'esac', '"$x"', '$x', 'a|b)', '(a)', '*)', ')', '(', ';;', ';&', ';;&', '|', '||', '&&', ';', '&', '\n', ' ', ' ', ' ',
  'if', 'then', 'fi', 'do', 'done', 'for', 'while', '{', '}', '!',
  'timeout', '5', '-s', 'KILL', 'xargs', '-n1', '-r', 'sudo', '-u', 'env', 'A=1', 'A="b c"', "B='d'", 'nice', '-n', 'exec', '--',
  'chmod', '777', 'a+rwX,o-w', 'mkdir', '-m', 'install', 'find', '-exec', '{}', '\\;', '+', 'apt-get', 'install', '-y', 'curl', 'sh',
  '"', "'", '`', '$(', '${', '}', '\\', '\\\n', '\\\\', '#', '<<EOF', 'EOF', '<<-"E"', '>', '2>&1', '<', '=', '中', '\t', '\r',
];

function randomScript(random: Random): string {
  let script = '';
  const length = 1 + random.int(30);
  for (let i = 0; i < length; i++) script += random.pick(PIECES) + (random.chance(0.6) ? ' ' : '');
  return script;
}

describe('parseShell on random scripts (seeded)', () => {
  it('keeps every command and word inside the script, in order, for 2,000 scripts', () => {
    const random = new Random(20261123);
    const started = performance.now();
    for (let n = 0; n < 2000; n++) {
      const script = randomScript(random);
      const where = `script ${n}: ${JSON.stringify(script)}`;
      const commands = parseShell(script);
      scriptEndsOpen(script);
      let previousEnd = 0;
      for (const command of commands) {
        assert.ok(command.start >= previousEnd && command.start <= command.end && command.end <= script.length, `command ${command.start}-${command.end} out of place in ${where}`);
        assert.ok(command.nameIndex >= -1 && command.nameIndex < command.words.length, `name index ${command.nameIndex} in ${where}`);
        let wordEnd = command.start;
        for (const word of command.words) {
          assert.ok(word.start >= wordEnd && word.start < word.end && word.end <= command.end, `word ${JSON.stringify(word)} out of place in ${where}`);
          const raw = script.slice(word.start, word.end);
          if (!/["'\\`$]/.test(raw)) assert.equal(word.value, raw, `plain word in ${where}`);
          wordEnd = word.end;
        }
        previousEnd = command.end;
      }
    }
    const ms = performance.now() - started;
    assert.ok(ms < 5000, `2,000 scripts took ${ms.toFixed(0)} ms`);
  });
});
