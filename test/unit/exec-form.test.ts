import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/dockerfile/model';
import { formatJsonArray, isPlainCommand, shellToExecForm, singleLine } from '../../server/src/dockerfile/exec-form';

describe('shellToExecForm', () => {
  it('splits plain words, removing quotes', () => {
    assert.deepEqual(shellToExecForm('node server.js --name "my app"', { execLast: true }), {
      elements: ['node', 'server.js', '--name', 'my app'],
      viaShell: false,
      execAdded: false,
      replacesShell: true,
    });
  });
  it('drops a leading exec of a plain command', () => {
    assert.deepEqual(shellToExecForm('exec nginx -g "daemon off;"', { execLast: true })?.elements, ['nginx', '-g', 'daemon off;']);
  });
  it('keeps a shell for variables, redirects, globs and chains, with exec before the last command', () => {
    assert.deepEqual(shellToExecForm('node app.js --port $PORT', { execLast: true })?.elements, ['sh', '-c', 'exec node app.js --port $PORT']);
    assert.deepEqual(shellToExecForm('cd /srv; FOO=1 ./run 2>&1', { execLast: true })?.elements, ['sh', '-c', 'cd /srv; FOO=1 exec ./run 2>&1']);
    assert.deepEqual(shellToExecForm('cp *.conf /etc/', { execLast: false })?.elements, ['sh', '-c', 'cp *.conf /etc/']);
  });
  it('does not add exec after a pipe or ||, and says the shell stays', () => {
    const form = shellToExecForm('app | tee log', { execLast: true });
    assert.deepEqual(form?.elements, ['sh', '-c', 'app | tee log']);
    assert.equal(form?.replacesShell, false);
    assert.equal(shellToExecForm('start || exit 1', { execLast: true })?.execAdded, false);
  });
  it('recognises an exec the script already has', () => {
    const form = shellToExecForm('cd /app && exec ./run "$@"', { execLast: true });
    assert.equal(form?.execAdded, false);
    assert.equal(form?.replacesShell, true);
  });
  it('returns null for nothing to run', () => {
    assert.equal(shellToExecForm('   ', { execLast: true }), null);
    assert.equal(shellToExecForm('exec', { execLast: true }), null);
  });
});

describe('isPlainCommand', () => {
  it('tells plain commands from shell syntax', () => {
    assert.equal(isPlainCommand('java -jar app.jar'), true);
    assert.equal(isPlainCommand('a && b'), false);
    assert.equal(isPlainCommand('echo ~'), false);
    assert.equal(isPlainCommand('VAR=1 app'), false);
    assert.equal(isPlainCommand('app &'), false);
  });
});

describe('formatJsonArray and singleLine', () => {
  it('quotes elements as JSON', () => {
    assert.equal(formatJsonArray(['sh', '-c', 'echo "hi" \\ there']), '["sh", "-c", "echo \\"hi\\" \\\\ there"]');
  });
  it('joins continuation lines with one space', () => {
    const model = parseDockerfile('FROM a\nCMD node   \\\n      server.js \\\n  --port 80\n');
    const cmd = model.instructions[1];
    assert.equal(singleLine(cmd.argsText!), 'node server.js --port 80');
  });
});
