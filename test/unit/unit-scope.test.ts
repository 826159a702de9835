/**
 * Rules with `scope: 'unit'` are checked one Dockerfile instruction at a time and their reports are
 * reused while an instruction is unchanged. That is only right when a rule's reports on an
 * instruction depend on nothing else: these tests hold every such rule to it over the corpus and
 * every rule's examples, and check that the engine reuses, invalidates and reports as it should.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseDockerfile, DockerfileParser, type DockerfileModel } from '../../server/src/dockerfile/model';
import { dockerfileSupport } from '../../server/src/dockerfile/support';
import { runRules, UnitReportCache } from '../../server/src/engine/lint';
import { defineRule, type Report, type Rule } from '../../server/src/engine/rule';
import { allRules, DocumentLinter } from '../../server/src/linter';

const corpus = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'dockerfile');
const dockerfileRules = allRules.filter((rule) => (rule.kinds as string[]).includes('dockerfile')) as Rule<'dockerfile'>[];
const unitRules = dockerfileRules.filter((rule) => rule.scope === 'unit');
const units = dockerfileSupport.units!;

function texts(): { name: string; text: string }[] {
  const out = readdirSync(corpus)
    .sort()
    .map((name) => ({ name, text: readFileSync(join(corpus, name), 'utf8') }));
  for (const rule of dockerfileRules) {
    out.push({ name: `${rule.id} (bad example)`, text: rule.docs.bad });
    out.push({ name: `${rule.id} (good example)`, text: rule.docs.good });
  }
  return out;
}

/** The rule run once over the whole file, with a context whose settings and files must not be read. */
function wholeFileReports(rule: Rule<'dockerfile'>, model: DockerfileModel): string[] {
  const out: Report[] = [];
  const context = {
    model,
    report: (report: Report) => out.push(report),
    get settings(): never {
      throw new Error(`${rule.id} reads the settings: it cannot have scope "unit"`);
    },
    get files(): never {
      throw new Error(`${rule.id} reads other files: it cannot have scope "unit"`);
    },
    get path(): never {
      throw new Error(`${rule.id} reads the file path: it cannot have scope "unit"`);
    },
  };
  rule.check(context);
  return out.map((report) => JSON.stringify(report)).sort();
}

/**
 * What a unit rule may read of the model: its one instruction, and the text, lines, escape character
 * and line break that `fileKey` covers (to read the instruction's own lines).
 */
const UNIT_READABLE = new Set(['kind', 'instructions', 'index', 'text', 'escape']);

function strictView(model: DockerfileModel, unit: object, rule: Rule<'dockerfile'>): DockerfileModel {
  return new Proxy(units.view(model, unit), {
    get(target, key, receiver) {
      if (typeof key === 'string' && !UNIT_READABLE.has(key)) throw new Error(`${rule.id} reads model.${key}: it cannot have scope "unit"`);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

function unitByUnitReports(rule: Rule<'dockerfile'>, model: DockerfileModel): string[] {
  const out: Report[] = [];
  for (const unit of units.of(model)) rule.check({ model: strictView(model, unit, rule), report: (report) => out.push(report) });
  return out.map((report) => JSON.stringify(report)).sort();
}

describe('rules checked one instruction at a time (scope "unit")', () => {
  it('are a good share of the Dockerfile rules', () => {
    assert.ok(unitRules.length >= 40, `${unitRules.length} unit rules`);
  });

  const inputs = texts().map(({ name, text }) => ({ name, model: parseDockerfile(text) }));
  for (const rule of unitRules) {
    it(`${rule.id}: reports the same, instruction by instruction, as over the whole file`, () => {
      let reports = 0;
      for (const { name, model } of inputs) {
        const whole = wholeFileReports(rule, model);
        assert.deepEqual(unitByUnitReports(rule, model), whole, name);
        reports += whole.length;
      }
      assert.ok(reports > 0, 'the inputs give it something to report');
    });
  }
});

describe('the unit report cache', () => {
  /** A unit rule that counts its runs and reports every RUN. */
  function countingRule(): { rule: Rule<'dockerfile'>; runs: () => number } {
    let runs = 0;
    const rule = defineRule({
      id: 'counting',
      aliases: [],
      severity: 'warning',
      kinds: ['dockerfile'],
      scope: 'unit',
      fixable: false,
      docs: { summary: '', why: '', bad: '', good: '' },
      check({ model, report }) {
        for (const instruction of model.instructions) {
          runs++;
          if (instruction.keyword === 'RUN') report({ range: instruction.keywordRange, message: `RUN at line ${instruction.range.start.line + 1}` });
        }
      },
    });
    return { rule, runs: () => runs };
  }

  const text = 'FROM debian:12\nRUN echo one\nRUN echo two\nCMD ["true"]\n';

  it('re-runs unit rules only on the instruction that changed', () => {
    const { rule, runs } = countingRule();
    const parser = new DockerfileParser();
    const cache = new UnitReportCache();
    const first = runRules(dockerfileSupport, parser.parse(text), [rule], {}, cache);
    assert.equal(runs(), 4);
    const second = runRules(dockerfileSupport, parser.parse(text.replace('echo two', 'echo twenty')), [rule], {}, cache);
    assert.equal(runs(), 5, 'only the edited RUN ran again');
    assert.deepEqual(
      second.findings.map((f) => f.message),
      first.findings.map((f) => f.message),
    );
  });

  it('runs them again on every instruction when the escape character changes', () => {
    const { rule, runs } = countingRule();
    const parser = new DockerfileParser();
    const cache = new UnitReportCache();
    runRules(dockerfileSupport, parser.parse(text), [rule], {}, cache);
    runRules(dockerfileSupport, parser.parse('# escape=`\n' + text), [rule], {}, cache);
    assert.equal(runs(), 8);
  });

  it('applies levels and suppressions on every lint, to reused reports too', () => {
    const { rule } = countingRule();
    const parser = new DockerfileParser();
    const cache = new UnitReportCache();
    runRules(dockerfileSupport, parser.parse(text), [rule], {}, cache);
    const silenced = runRules(dockerfileSupport, parser.parse(text), [rule], { settings: { rules: { counting: 'off' } } }, cache);
    assert.deepEqual(silenced.findings, []);
    const raised = runRules(dockerfileSupport, parser.parse(text), [rule], { settings: { rules: { counting: 'error' } } }, cache);
    assert.deepEqual(
      raised.findings.map((f) => `${f.severity} ${f.message}`),
      ['error RUN at line 2', 'error RUN at line 3'],
    );
    const ignored = runRules(dockerfileSupport, parser.parse(text.replace('RUN echo two', '# shipshape ignore=counting\nRUN echo two')), [rule], {}, cache);
    assert.deepEqual(
      ignored.findings.map((f) => f.message),
      ['RUN at line 2'],
    );
  });

  it('reports a unit rule that throws once, and keeps the other rules\' findings', () => {
    const { rule } = countingRule();
    const throwing = defineRule({ ...rule, id: 'throwing', check: () => { throw new Error('broken rule'); } });
    const result = runRules(dockerfileSupport, parseDockerfile(text), [throwing, rule], {});
    assert.deepEqual(
      result.failures.map((f) => `${f.rule}: ${f.error.split('\n')[0]}`),
      ['throwing: broken rule'],
    );
    assert.equal(result.findings.length, 2);
  });

  it('gives a document linted keystroke by keystroke the findings of a fresh lint', () => {
    const linter = new DocumentLinter('dockerfile');
    let current = 'FROM debian:12\nRUN apt-get install curl\n';
    const typed = ' wget && curl -k https://example.com';
    for (const char of typed) {
      current = current.replace(/\n$/, char + '\n');
      assert.deepEqual(linter.lint(current).findings, new DocumentLinter('dockerfile').lint(current).findings, JSON.stringify(current));
    }
    // A line inserted above moves every instruction below it: their reports move with them.
    current = 'FROM debian:12\n# a comment\n' + current.split('\n').slice(1).join('\n');
    assert.deepEqual(linter.lint(current).findings, new DocumentLinter('dockerfile').lint(current).findings);
  });
});
