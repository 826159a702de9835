/** The Build and Check report page: links to the causing line and rule, and nothing from the report unescaped. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reportHtml } from '../../client/src/commands/report-html';
import { emptyReport, makeCheck } from '../../server/src/runtime';

describe('report page', () => {
  it('links a failed check to its Dockerfile line and its rule', () => {
    const report = emptyReport('dockerfile', '/w/app/Dockerfile', '/w/app/Dockerfile', 'app:dev');
    report.build = { ok: true, durationMs: 900, builder: 'classic', failure: null };
    report.checks = [
      makeCheck('non-root', 'fail', 'the process runs as root (id -u = 0)', 5, { path: '/w/app/Dockerfile', line: 3, rule: 'final-user-root', ruleReported: true }),
      makeCheck('healthy', 'pass', 'healthy after 1.0 s', 5, { path: '/w/app/Dockerfile', line: 7, rule: null, ruleReported: false }),
    ];
    const html = reportHtml(report, 'n0nce');
    assert.match(html, /<tr class="fail"><td>1<\/td><td>Process does not run as root<\/td>.*<a href="#" data-open="\/w\/app\/Dockerfile" data-line="3">Dockerfile:3<\/a> · rule <a href="#" data-rule="final-user-root"><code>final-user-root<\/code><\/a><\/td><\/tr>/);
    assert.match(html, /<tr class="pass"><td>2<\/td>.*<td><\/td><\/tr>/, 'a passing check links nowhere');
    assert.equal(html.match(/data-open=/g)?.length, 1);
    assert.match(html, /script-src 'nonce-n0nce'/);
    assert.match(html, /<script nonce="n0nce">/);
  });

  it('links a failed build to the failing line', () => {
    const report = emptyReport('dockerfile', '/w/app/Dockerfile', '/w/app/Dockerfile', 'app:dev');
    report.build = { ok: false, durationMs: 900, builder: 'classic', failure: { message: "The command '/bin/sh -c false' returned a non-zero code: 1", line: 4, step: 'RUN false' } };
    const html = reportHtml(report, 'n');
    assert.match(html, /<h2>Build failed at <a href="#" data-open="\/w\/app\/Dockerfile" data-line="4">line 4<\/a><\/h2><pre>The command &#39;\/bin\/sh -c false&#39; returned a non-zero code: 1<\/pre>/);
  });

  it('escapes everything that comes from the report', () => {
    const evil = `"><script>alert(1)</script>&'`;
    const report = emptyReport('dockerfile', `/w/${evil}/Dockerfile`, `/w/${evil}/Dockerfile`, 'app:dev');
    report.error = `docker said ${evil}`;
    report.checks = [makeCheck('volumes-writable', 'fail', `cannot write ${evil}`, 1, { path: `/w/${evil}/Dockerfile`, line: 2, rule: `rule${evil}`, ruleReported: false })];
    const html = reportHtml(report, 'n');
    const escaped = '&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;&#39;';
    assert.equal(html.match(/<script/g)?.length, 1, 'only the page’s own script');
    assert.ok(html.includes(`<b>Error:</b> docker said ${escaped}`));
    assert.ok(html.includes(`<td>cannot write ${escaped}</td>`));
    assert.ok(html.includes(`data-open="/w/${escaped}/Dockerfile" data-line="2"`));
    assert.ok(html.includes(`data-rule="rule${escaped}"`));
  });
});
