import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commandName, parseShell, scriptEndsOpen } from '../../server/src/dockerfile/shell-words';

/** Each command as [operator before, words, program, operator after]. */
function read(script: string): [string, string[], string, string][] {
  return parseShell(script).map((c) => [c.separatorBefore, c.words.map((w) => w.value), commandName(c), c.separatorAfter]);
}

describe('parseShell: case statements', () => {
  it('skips the patterns and reads the arms as commands', () => {
    const script = 'case "$(uname -m)" in\n  x86_64|amd64) a=1 ;;\n  (arm64 | "aarch64") apt-get install x | tee y ;;&\n  *) echo no ;;\nesac; echo "$a"';
    assert.deepEqual(read(script), [
      ['', ['case', '$(uname -m)', 'in'], '', ')'],
      [')', ['a=1'], '', ';;'],
      [')', ['apt-get', 'install', 'x'], 'apt-get', '|'],
      ['|', ['tee', 'y'], 'tee', ';;'],
      [')', ['echo', 'no'], 'echo', ';;'],
      [';;', ['esac'], '', ';'],
      [';', ['echo', '$a'], 'echo', ''],
    ]);
  });

  it('reads a case after then, an arm without ;; and an empty case', () => {
    assert.deepEqual(read('if x; then case $a in a|b) c\nesac; fi'), [
      ['', ['if', 'x'], 'x', ';'],
      [';', ['then', 'case', '$a', 'in'], '', ')'],
      [')', ['c'], 'c', '\n'],
      ['\n', ['esac'], '', ';'],
      [';', ['fi'], '', ''],
    ]);
    assert.deepEqual(read('case a in esac | b'), [
      ['', ['case', 'a', 'in'], '', ';'],
      [';', ['esac'], '', '|'],
      ['|', ['b'], 'b', ''],
    ]);
  });

  it('reads `case` and `|` as usual outside a case statement', () => {
    assert.deepEqual(read('echo case x in a|b) c'), [
      ['', ['echo', 'case', 'x', 'in', 'a'], 'echo', '|'],
      ['|', ['b'], 'b', ')'],
      [')', ['c'], 'c', ''],
    ]);
  });

  it('finds the end of a $(…) holding case patterns', () => {
    const script = 'arch="$(case "$(uname -m)" in x86_64|amd64) echo amd64 ;; (arm64) echo arm64;; esac)" && curl "$u" | tar -x';
    assert.deepEqual(read(script), [
      ['', ['arch=$(case "$(uname -m)" in x86_64|amd64) echo amd64 ;; (arm64) echo arm64;; esac)'], '', '&&'],
      ['&&', ['curl', '$u'], 'curl', '|'],
      ['|', ['tar', '-x'], 'tar', ''],
    ]);
    assert.equal(scriptEndsOpen('x=$(case $a in b) echo c;; esac)'), false);
    assert.equal(scriptEndsOpen('x=$(case $a in b) echo c;;'), true);
  });

  it('does not hang or throw on unfinished case statements', () => {
    for (const script of ['case', 'case x', 'case x in', 'case x in a|b', 'case x in a) b;;', 'case x in (', 'x=$(case x in a', 'case x in "a)']) {
      assert.ok(Array.isArray(parseShell(script)), script);
    }
    assert.deepEqual(read('case x in a|b'), [['', ['case', 'x', 'in'], '', ')']]);
  });
});

describe('parseShell: the program behind prefixes', () => {
  it('skips assignments, quoted values included, but not a quoted name', () => {
    assert.deepEqual(read('DEBIAN_FRONTEND="noninteractive" A=\'x y\' apt-get install; "B=1" run'), [
      ['', ['DEBIAN_FRONTEND=noninteractive', 'A=x y', 'apt-get', 'install'], 'apt-get', ';'],
      [';', ['B=1', 'run'], 'B=1', ''],
    ]);
  });

  it('skips timeout with its options and time limit, and xargs with its options', () => {
    const names = (script: string) => parseShell(script).map(commandName);
    assert.deepEqual(names('timeout 60 apt-get update'), ['apt-get']);
    assert.deepEqual(names('timeout -k 5 -s KILL --preserve-status 10m pip install x'), ['pip']);
    assert.deepEqual(names('xargs -r -n 1 -I {} -P4 apt-get install -y {}'), ['apt-get']);
    assert.deepEqual(names('sudo -u app env -i PATH=/bin nice -n 5 xargs -a list timeout 9 apk add'), ['apk']);
    assert.deepEqual(names('xargs'), ['']);
  });
});
