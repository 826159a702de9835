/**
 * Rules with a scope are checked one Dockerfile instruction ('unit') or stage ('stage') at a time,
 * and their reports are reused while that part is unchanged. That is only right when a rule's
 * reports on a part depend on nothing else: these tests hold every such rule to it over the corpus
 * and every rule's examples, and check that the engine reuses, invalidates and reports as it should.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseDockerfile, DockerfileParser, type DockerfileModel } from '../../server/src/dockerfile/model';
import { dockerfileSupport } from '../../server/src/dockerfile/support';
import { runRules, ScopedReportCache } from '../../server/src/engine/lint';
import { defineRule, type Report, type Rule, type RuleScope } from '../../server/src/engine/rule';
import { allRules, DocumentLinter, lintText } from '../../server/src/linter';

const corpus = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'dockerfile');
const dockerfileRules = allRules.filter((rule) => (rule.kinds as string[]).includes('dockerfile')) as Rule<'dockerfile'>[];
const scopedRules = dockerfileRules.filter((rule) => rule.scope !== undefined);

function texts(): { name: string; text: string }[] {
  const out = readdirSync(corpus)
    .sort()
    .map((name) => ({ name, text: readFileSync(join(corpus, name), 'utf8') }));
  // Stages that differ in what whole-file rules weigh: a scoped rule must not see only its own stage.
  out.push({
    name: 'instructions before the first FROM',
    text: 'ARG DB_PASSWORD=hunter2\nRUN sudo apt-get install -y curl && wget https://example.com/x\nUSER app\nENV API_TOKEN=abc123\nFROM alpine:3\nRUN sudo true\n',
  });
  out.push({ name: 'no FROM at all', text: 'RUN sudo wget https://example.com/x\nUSER app\n' });
  out.push({ name: 'casing differs by stage', text: 'FROM alpine:3 AS one\nrun echo a\nrun echo b\nFROM alpine:3\nRUN echo c\nRUN echo d\nRUN echo e\n' });
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
      throw new Error(`${rule.id} reads the settings: it cannot have a scope`);
    },
    get files(): never {
      throw new Error(`${rule.id} reads other files: it cannot have a scope`);
    },
    get path(): never {
      throw new Error(`${rule.id} reads the file path: it cannot have a scope`);
    },
  };
  rule.check(context);
  return out.map((report) => JSON.stringify(report)).sort();
}

/**
 * What a rule of each scope may read of the model besides its part: the text, lines, escape
 * character, line break and parser directives that the file key covers (to read the part's own
 * lines); a stage
 * rule also the stages it builds on and the ARGs before the first FROM.
 */
const READABLE: Record<RuleScope, Set<string>> = {
  unit: new Set(['kind', 'instructions', 'index', 'text', 'escape', 'directives']),
  stage: new Set(['kind', 'instructions', 'stages', 'stageOf', 'index', 'text', 'escape', 'directives', 'globalArgs', 'globalArgValues']),
};

function strictView(view: DockerfileModel, rule: Rule<'dockerfile'>): DockerfileModel {
  const readable = READABLE[rule.scope!];
  return new Proxy(view, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !readable.has(key)) throw new Error(`${rule.id} reads model.${key}: it cannot have scope "${rule.scope}"`);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

function partByPartReports(rule: Rule<'dockerfile'>, model: DockerfileModel): string[] {
  const out: Report[] = [];
  const parts = dockerfileSupport.scopes![rule.scope!]!;
  parts.keys(model).forEach((_, index) => rule.check({ model: strictView(parts.view(model, index), rule), report: (report) => out.push(report) }));
  return out.map((report) => JSON.stringify(report)).sort();
}

describe('rules checked one instruction or stage at a time', () => {
  it('are a good share of the Dockerfile rules', () => {
    assert.ok(scopedRules.length >= 60, `${scopedRules.length} scoped rules`);
  });

  const inputs = texts().map(({ name, text }) => ({ name, model: parseDockerfile(text) }));
  for (const rule of scopedRules) {
    it(`${rule.id}: reports the same, ${rule.scope === 'unit' ? 'instruction by instruction' : 'stage by stage'}, as over the whole file`, () => {
      let reports = 0;
      for (const { name, model } of inputs) {
        const whole = wholeFileReports(rule, model);
        assert.deepEqual(partByPartReports(rule, model), whole, name);
        reports += whole.length;
      }
      assert.ok(reports > 0, 'the inputs give it something to report');
    });
  }
});

describe('the scoped report cache', () => {
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

  it('runs a scoped rule once over the whole file when there is no cache (a single lint, as in the CLI)', () => {
    let checks = 0;
    const rule = defineRule({ ...countingRule().rule, check: () => void checks++ });
    runRules(dockerfileSupport, parseDockerfile(text), [rule], {});
    assert.equal(checks, 1);
    runRules(dockerfileSupport, parseDockerfile(text), [rule], {}, new ScopedReportCache());
    assert.equal(checks, 1 + 4, 'and instruction by instruction with one');
  });

  it('re-runs unit rules only on the instruction that changed', () => {
    const { rule, runs } = countingRule();
    const parser = new DockerfileParser();
    const cache = new ScopedReportCache();
    const first = runRules(dockerfileSupport, parser.parse(text), [rule], {}, cache);
    assert.equal(runs(), 4);
    const second = runRules(dockerfileSupport, parser.parse(text.replace('echo two', 'echo twenty')), [rule], {}, cache);
    assert.equal(runs(), 5, 'only the edited RUN ran again');
    assert.deepEqual(
      second.findings.map((f) => f.message),
      first.findings.map((f) => f.message),
    );
  });

  it('re-runs stage rules on the stage that changed and on the stages built on it', () => {
    const stages: string[] = [];
    const rule = defineRule({
      ...countingRule().rule,
      id: 'stage-counting',
      scope: 'stage',
      check({ model }) {
        for (const stage of model.stages) stages.push(stage.from.args[0].value);
      },
    });
    const parser = new DockerfileParser();
    const cache = new ScopedReportCache();
    const multiStage = 'FROM debian:12 AS base\nRUN echo a\nFROM base AS app\nRUN echo b\nFROM alpine:3\nRUN echo c\n';
    runRules(dockerfileSupport, parser.parse(multiStage), [rule], {}, cache);
    assert.deepEqual(stages.splice(0), ['debian:12', 'base', 'alpine:3'], 'the part before the first FROM has no stage');
    runRules(dockerfileSupport, parser.parse(multiStage.replace('echo a', 'echo aa')), [rule], {}, cache);
    assert.deepEqual(stages.splice(0), ['debian:12', 'base']);
    runRules(dockerfileSupport, parser.parse('ARG V=1\n' + multiStage.replace('echo a', 'echo aa').split('\n').slice(1).join('\n')), [rule], {}, cache);
    assert.deepEqual(stages.splice(0), ['base', 'alpine:3'], 'an ARG before the first FROM (in place of the first FROM here) counts for every stage');
  });

  it('runs them again on every instruction when the escape character changes', () => {
    const { rule, runs } = countingRule();
    const parser = new DockerfileParser();
    const cache = new ScopedReportCache();
    runRules(dockerfileSupport, parser.parse(text), [rule], {}, cache);
    runRules(dockerfileSupport, parser.parse('# escape=`\n' + text), [rule], {}, cache);
    assert.equal(runs(), 8);
  });

  it('applies levels and suppressions on every lint, to reused reports too', () => {
    const { rule } = countingRule();
    const parser = new DockerfileParser();
    const cache = new ScopedReportCache();
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
    const result = runRules(dockerfileSupport, parseDockerfile(text), [throwing, rule], {}, new ScopedReportCache());
    assert.deepEqual(
      result.failures.map((f) => `${f.rule}: ${f.error.split('\n')[0]}`),
      ['throwing: broken rule'],
    );
    assert.equal(result.findings.length, 2);
  });

  it('gives a document linted keystroke by keystroke the findings of a single lint over the whole file', () => {
    const linter = new DocumentLinter('dockerfile');
    let current = 'FROM debian:12\nRUN apt-get install curl\n';
    const typed = ' wget && curl -k https://example.com';
    for (const char of typed) {
      current = current.replace(/\n$/, char + '\n');
      assert.deepEqual(linter.lint(current).findings, lintText(current, 'dockerfile').findings, JSON.stringify(current));
    }
    // A line inserted above moves every instruction below it: their reports move with them.
    current = 'FROM debian:12\n# a comment\n' + current.split('\n').slice(1).join('\n');
    assert.deepEqual(linter.lint(current).findings, lintText(current, 'dockerfile').findings);
  });
});
