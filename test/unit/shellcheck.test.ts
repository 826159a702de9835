import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/dockerfile/model';
import type { Range } from '../../server/src/engine/text';
import { applyEdits } from '../../server/src/engine/text';
import { ShellChecker, parseJson1, type ShellCheckComment, type ShellCheckRunner } from '../../server/src/shellcheck/checker';
import { dialectOf, shellScripts, type ShellDialect } from '../../server/src/shellcheck/scripts';

/** A runner that answers from a function and records every call. */
class FakeRunner implements ShellCheckRunner {
  readonly calls: { script: string; shell: ShellDialect }[] = [];
  constructor(private readonly answer: (script: string, shell: ShellDialect) => ShellCheckComment[] | Promise<ShellCheckComment[]> = () => []) {}
  async run(script: string, shell: ShellDialect): Promise<ShellCheckComment[]> {
    this.calls.push({ script, shell });
    return this.answer(script, shell);
  }
}

/** A comment on `needle` (its first occurrence) in the script ShellCheck was given, as ShellCheck would place it. */
function commentOn(script: string, needle: string, code: number, level = 'info', message = `message ${code}`): ShellCheckComment {
  const offset = script.indexOf(needle);
  assert.ok(offset >= 0, `${needle} not in ${JSON.stringify(script)}`);
  const at = (o: number) => {
    const before = script.slice(0, o);
    const line = before.split('\n').length;
    const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
    return { line, column };
  };
  const start = at(offset);
  const end = at(offset + needle.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, level, code, message, fix: null };
}

const r = (sl: number, sc: number, el: number, ec: number): Range => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

describe('ShellCheck scripts', () => {
  it('builds one script per shell-form RUN and declares the ARG and ENV names known there', () => {
    const model = parseDockerfile(
      'ARG base_tag=3.20\nFROM alpine:${base_tag} AS build\nARG version\nENV app_home=/app other=1\nRUN echo $version\nRUN ["echo", "exec form"]\nARG later\nFROM build\nRUN echo $app_home $later\n',
    );
    const scripts = shellScripts(model);
    assert.deepEqual(scripts.map((s) => s.source.text), ['echo $version', 'echo $app_home $later']);
    assert.ok(scripts[0].names.includes('version') && scripts[0].names.includes('app_home') && !scripts[0].names.includes('later'));
    // The stage built on inherits ENV and ARG; the global ARG is not known inside a stage without ARG.
    assert.ok(scripts[1].names.includes('app_home') && scripts[1].names.includes('later') && !scripts[1].names.includes('base_tag'));
    assert.equal(scripts[0].prefixLines, 1);
    assert.match(scripts[0].input, /^export [^\n]*\bversion\b[^\n]*\necho \$version$/);
  });

  it('picks the dialect from SHELL, a shell pragma or the heredoc, and skips shells ShellCheck cannot read', () => {
    const model = parseDockerfile(
      [
        'FROM debian:12',
        'RUN echo sh',
        'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
        'RUN echo bash',
        '# shipshape shell=dash',
        'RUN echo dash',
        'SHELL ["pwsh", "-Command"]',
        'RUN Write-Host pwsh',
        'RUN bash <<EOF',
        'echo heredoc',
        'EOF',
        'RUN python3 <<EOF',
        'print("py")',
        'EOF',
        'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
        'RUN echo cmd',
        'FROM alpine:3.20',
        'RUN <<EOF',
        '#!/bin/bash',
        'echo shebang',
        'EOF',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      shellScripts(model).map((s) => [s.source.text.trim().split('\n').pop(), s.shell]),
      [
        ['echo sh', 'sh'],
        ['echo bash', 'bash'],
        ['echo dash', 'dash'],
        ['echo heredoc', 'bash'],
        ['echo shebang', 'bash'],
      ],
    );
    assert.deepEqual(['/bin/sh', 'bash', 'ash', '/usr/bin/ksh', 'pwsh', 'cmd', 'zsh', 'powershell.exe'].map(dialectOf), ['sh', 'bash', 'sh', 'ksh', null, null, null, null]);
  });
});

describe('ShellCheck findings', () => {
  it('maps positions back through line continuations, with code points and tabs counted as ShellCheck counts them', async () => {
    const text = 'FROM alpine:3.20\nRUN apk add curl && \\\n    echo $foo \\\n\t&& echo "é😀" $bar\n';
    const runner = new FakeRunner((script) => [commentOn(script, '$foo', 2086), commentOn(script, '$bar', 2154, 'warning', 'bar is referenced but not assigned.')]);
    const { findings, failures } = await new ShellChecker(runner).check(parseDockerfile(text));
    assert.deepEqual(failures, []);
    assert.deepEqual(
      findings.map((f) => [f.rule, f.aliases, f.severity, f.message, f.range]),
      [
        ['SC2086', ['shellcheck'], 'info', 'message 2086', r(2, 9, 2, 13)],
        ['SC2154', ['shellcheck'], 'warning', 'bar is referenced but not assigned.', r(3, 15, 3, 19)],
      ],
    );
    assert.equal(runner.calls[0].shell, 'sh');
  });

  it('maps levels to severities: error, warning, info, and style as hint', async () => {
    const runner = new FakeRunner((script) => ['error', 'warning', 'info', 'style'].map((level, i) => commentOn(script, `w${i}`, 1000 + i, level)));
    const { findings } = await new ShellChecker(runner).check(parseDockerfile('FROM alpine\nRUN w0 w1 w2 w3\n'));
    assert.deepEqual(findings.map((f) => [f.rule, f.severity]), [['SC1000', 'error'], ['SC1001', 'warning'], ['SC1002', 'info'], ['SC1003', 'hint']]);
  });

  it('drops comments on the declarations line and the codes that cannot apply to a RUN line', async () => {
    const runner = new FakeRunner((script) => [
      { line: 1, column: 1, endLine: 1, endColumn: 7, level: 'warning', code: 9999, message: 'on the prefix' },
      commentOn(script, '. /etc/profile', 1091),
      commentOn(script, 'x=1', 2034, 'warning'),
    ]);
    const { findings } = await new ShellChecker(runner).check(parseDockerfile('FROM alpine\nRUN . /etc/profile && x=1\n'));
    assert.deepEqual(findings.map((f) => f.rule), ['SC2034']);
  });

  it('is silenced by our and hadolint pragmas, shellcheck disable comments and settings like any rule', async () => {
    const runner = new FakeRunner((script) => [commentOn(script, '$a', 2086), commentOn(script, '`ls`', 2006, 'style')]);
    const check = async (text: string, rules?: Record<string, 'off' | 'error' | 'warning' | 'info' | 'hint'>) =>
      (await new ShellChecker(runner).check(parseDockerfile(text), { rules })).findings.map((f) => `${f.rule}:${f.severity}`);
    const body = 'RUN echo $a `ls`\n';
    assert.deepEqual(await check(`FROM alpine\n${body}`), ['SC2086:info', 'SC2006:hint']);
    assert.deepEqual(await check(`FROM alpine\n# shipshape ignore=SC2086\n${body}`), ['SC2006:hint']);
    assert.deepEqual(await check(`FROM alpine\n# hadolint ignore=SC2086,SC2006\n${body}`), []);
    assert.deepEqual(await check(`# shipshape global ignore=shellcheck\nFROM alpine\n${body}`), []);
    assert.deepEqual(await check(`FROM alpine\n# shellcheck disable=SC2006\n${body}`), ['SC2086:info']);
    assert.deepEqual(await check(`FROM alpine\n${body}`, { sc2086: 'off', SC2006: 'error' }), ['SC2006:error']);
    assert.deepEqual(await check(`FROM alpine\n${body}`, { shellcheck: 'warning' }), ['SC2086:warning', 'SC2006:warning']);
    const calls = runner.calls.length;
    assert.deepEqual(await check('FROM alpine\nRUN echo $other\n', { shellcheck: 'off' }), []);
    assert.equal(runner.calls.length, calls, 'ShellCheck does not run when it is off');
  });

  it('turns ShellCheck fixes into document edits, and offers none that would cross a line continuation', async () => {
    const quote = (script: string, needle: string): ShellCheckComment => {
      const c = commentOn(script, needle, 2086);
      return {
        ...c,
        fix: {
          replacements: [
            { line: c.line, column: c.column, endLine: c.line, endColumn: c.column, replacement: '"', insertionPoint: 'afterEnd', precedence: 7 },
            { line: c.endLine, column: c.endColumn, endLine: c.endLine, endColumn: c.endColumn, replacement: '"', insertionPoint: 'beforeStart', precedence: 7 },
          ],
        },
      };
    };
    const text = 'FROM alpine\nRUN echo $a \\\n  && rm -rf $b/x\n';
    const runner = new FakeRunner((script) => [quote(script, '$a'), quote(script, '$b/x'), { ...commentOn(script, '$a   &&', 2000), fix: { replacements: [{ ...commentOn(script, '$a   &&', 1), replacement: '$a &&' }] } }]);
    const { findings } = await new ShellChecker(runner).check(parseDockerfile(text));
    const fixed = findings.filter((f) => f.fixes.length > 0);
    assert.deepEqual(findings.map((f) => f.rule), ['SC2000', 'SC2086', 'SC2086']);
    assert.deepEqual(fixed.map((f) => f.fixes[0].title), ["Apply ShellCheck's suggestion for SC2086", "Apply ShellCheck's suggestion for SC2086"]);
    assert.equal(applyEdits(text, fixed[0].fixes[0].edits), 'FROM alpine\nRUN echo "$a" \\\n  && rm -rf $b/x\n');
    assert.equal(applyEdits(text, fixed[1].fixes[0].edits), 'FROM alpine\nRUN echo $a \\\n  && rm -rf "$b/x"\n');
    assert.ok(fixed.every((f) => f.fixes.every((fix) => !fix.isPreferred)), '--fix does not apply them');
  });
});

describe('ShellCheck cache', () => {
  it('runs each distinct (shell, script) once, answers from the cache after, and runs only what changed', async () => {
    const runner = new FakeRunner((script) => (script.includes('$x') ? [commentOn(script, '$x', 2086)] : []));
    const checker = new ShellChecker(runner);
    const text = 'FROM alpine\nRUN echo $x\nRUN echo $x\nRUN echo ok\n';
    const first = await checker.check(parseDockerfile(text));
    assert.equal(runner.calls.length, 2, 'the two identical scripts ran once');
    assert.equal(first.findings.length, 2);
    assert.deepEqual(checker.cached(parseDockerfile(text)), { findings: first.findings, complete: true });
    await checker.check(parseDockerfile(text));
    assert.equal(runner.calls.length, 2);
    const edited = parseDockerfile(text.replace('echo ok', 'echo fine'));
    const partial = checker.cached(edited);
    assert.equal(partial.complete, false);
    assert.equal(partial.findings.length, 2, 'findings of unchanged scripts are known at once');
    await checker.check(edited);
    assert.equal(runner.calls.length, 3);
    // The same script under another shell is another entry.
    await checker.check(parseDockerfile('FROM alpine\nSHELL ["/bin/bash", "-c"]\nRUN echo $x\nRUN echo ok\n'));
    assert.deepEqual(runner.calls.slice(3).map((c) => c.shell), ['bash', 'bash']);
  });

  it('shares a run in flight, limits runs at a time, and does not keep failures', async () => {
    let active = 0;
    let most = 0;
    let fail = true;
    const runner = new FakeRunner(async (script) => {
      active++;
      most = Math.max(most, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active--;
      if (script.includes('boom') && fail) throw new Error('ShellCheck took longer than 10 ms');
      return [];
    });
    const checker = new ShellChecker(runner, { concurrency: 2 });
    const model = parseDockerfile('FROM alpine\nRUN a\nRUN b\nRUN c\nRUN d\nRUN boom\n');
    const [one, two] = await Promise.all([checker.check(model), checker.check(model)]);
    assert.equal(runner.calls.length, 5);
    assert.equal(most, 2);
    assert.deepEqual(one.failures, ['line 6: ShellCheck took longer than 10 ms']);
    assert.deepEqual(two.failures, one.failures);
    fail = false;
    assert.deepEqual((await checker.check(model)).failures, []);
    assert.equal(runner.calls.length, 6, 'only the failed script ran again');
  });

  it('reads json1 output and refuses anything else', () => {
    assert.deepEqual(parseJson1('{"comments":[]}'), []);
    assert.equal(parseJson1('{"comments":[{"file":"-","line":1,"endLine":1,"column":6,"endColumn":8,"level":"info","code":2086,"message":"m","fix":null}]}')[0].code, 2086);
    assert.throws(() => parseJson1('[]'));
    assert.throws(() => parseJson1('In - line 1: oops'));
  });
});
