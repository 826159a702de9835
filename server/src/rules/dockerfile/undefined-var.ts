import type { Instruction } from '../../dockerfile/instruction';
import type { DockerfileModel, Stage } from '../../dockerfile/model';
import { defineRule } from '../../engine/rule';
import type { Range } from '../../engine/text';
import { argPairs, suggestName, variableRefs } from './build-check-helpers';

/** Environment variables official images set, for the images whose whole environment we know. */
const PATH_ONLY = ['PATH'];
const KNOWN_IMAGE_ENV: Record<string, readonly string[]> = {
  scratch: PATH_ONLY,
  alpine: PATH_ONLY,
  busybox: PATH_ONLY,
  debian: PATH_ONLY,
  ubuntu: PATH_ONLY,
  centos: PATH_ONLY,
  rockylinux: PATH_ONLY,
  almalinux: PATH_ONLY,
  amazonlinux: PATH_ONLY,
  oraclelinux: PATH_ONLY,
  archlinux: ['PATH', 'LANG'],
  fedora: ['PATH', 'DISTTAG', 'FGC', 'FBR'],
  node: ['PATH', 'NODE_VERSION', 'YARN_VERSION'],
  python: ['PATH', 'LANG', 'GPG_KEY', 'PYTHON_VERSION', 'PYTHON_SHA256', 'PYTHON_PIP_VERSION', 'PYTHON_SETUPTOOLS_VERSION', 'PYTHON_GET_PIP_URL', 'PYTHON_GET_PIP_SHA256'],
  golang: ['PATH', 'GOLANG_VERSION', 'GOPATH', 'GOTOOLCHAIN'],
};

/** Instructions BuildKit expands variables in (shell-form RUN/CMD/ENTRYPOINT are left to the shell, exec form is not expanded). */
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'ARG', 'LABEL', 'EXPOSE', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

export const undefinedVar = defineRule({
  id: 'undefined-var',
  aliases: ['UndefinedVar'],
  severity: 'warning',
  kinds: ['dockerfile'],
  fixable: true,
  docs: {
    summary: 'An instruction uses a variable that no ARG or ENV of its stage (or its base image) defines.',
    why: 'An undefined variable expands to nothing without an error: `COPY $APP_DIR .` copies the whole context, `WORKDIR $HOME/app` becomes `/app`. A global ARG must be redeclared (`ARG NAME`) inside each stage that uses it, and so must the automatic platform ARGs (`TARGETARCH`…).',
    bad: 'FROM alpine:3.20\nARG VERSION\nCOPY app-$VERSON.tar.gz /opt/',
    good: 'FROM alpine:3.20\nARG VERSION\nCOPY app-$VERSION.tar.gz /opt/',
    notes:
      'BuildKit knows the base image\'s environment because it pulls it; we do not. Variables are only reported in stages built on an image whose environment we know (scratch, alpine, busybox, debian, ubuntu, the RHEL-family images, node, python, golang) or on an earlier stage of this file; in other stages, only names that are likely typos of a defined variable. Shell-form RUN, CMD and ENTRYPOINT are left to the shell, as BuildKit does. As in BuildKit, `${NAME:-default}` of an undeclared NAME is reported too: without an ARG, `--build-arg NAME=…` cannot change it; and within one ENV, a pair does not see the pairs before it (`ENV A=1 B=$A` leaves B empty). When a defined name is close, a quick fix (not applied by `--fix`) renames the reference.',
  },
  check({ model, report }) {
    const definedAfter = new Map<Stage, Scope>();
    for (const stage of model.stages) {
      const { defined, complete } = initialScope(stage, definedAfter);
      for (const instruction of stage.instructions) {
        if (!EXPANDED.has(instruction.keyword)) continue;
        if (instruction.keyword === 'ARG') {
          // Each pair sees the pairs before it.
          for (const pair of argPairs(instruction)) {
            if (pair.valueRange) checkRegion(model, pair.valueRange, defined, complete, report);
            defined.add(pair.name);
          }
          continue;
        }
        for (const region of regions(instruction)) checkRegion(model, region, defined, complete, report);
        // ENV pairs only see what was defined before the instruction.
        if (instruction.keyword === 'ENV') for (const prop of instruction.properties) defined.add(prop.name);
      }
      definedAfter.set(stage, { defined, complete });
    }
  },
});

interface Scope {
  defined: Set<string>;
  /** False when the base image may define variables we do not know of. */
  complete: boolean;
}

function initialScope(stage: Stage, definedAfter: Map<Stage, Scope>): Scope {
  if (stage.baseStage) {
    const inherited = definedAfter.get(stage.baseStage);
    if (inherited) return { defined: new Set(inherited.defined), complete: inherited.complete };
    return { defined: new Set(['PATH']), complete: false };
  }
  const image = stage.image;
  if (!image || image.hasVariable || (image.registry && image.registry !== 'docker.io')) return { defined: new Set(['PATH']), complete: false };
  const repository = image.repository.replace(/^library\//, '');
  const known = KNOWN_IMAGE_ENV[repository];
  return known ? { defined: new Set(known), complete: true } : { defined: new Set(['PATH']), complete: false };
}

/** The document ranges BuildKit expands in an instruction. */
function regions(instruction: Instruction): Range[] {
  if (instruction.keyword === 'ENV' || instruction.keyword === 'LABEL') {
    return instruction.properties.flatMap((p) => (p.valueRange ? [p.valueRange] : []));
  }
  const out: Range[] = [];
  if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
    for (const flag of instruction.flags) {
      if (flag.valueRange && ['chown', 'chmod', 'from'].includes(flag.name.toLowerCase())) out.push(flag.valueRange);
    }
    const heredocNames = new Set(instruction.heredocs.map((h) => h.name));
    for (const arg of instruction.args) {
      if (arg.value.startsWith('<<') && heredocNames.has(arg.value.replace(/^<<-?["']?|["']$/g, ''))) continue;
      if (instruction.heredocs.some((h) => h.contentRange && arg.range.start.line >= h.contentRange.start.line && arg.range.start.line <= h.contentRange.end.line)) continue;
      out.push(arg.range);
    }
    return out;
  }
  return instruction.args.map((a) => a.range);
}

function checkRegion(model: DockerfileModel, region: Range, defined: Set<string>, complete: boolean, report: (r: { range: Range; message: string; fixes?: { title: string; edits: { range: Range; newText: string }[]; isPreferred?: boolean }[] }) => void): void {
  const index = model.index;
  const base = index.offsetAt(region.start);
  const text = model.text.slice(base, index.offsetAt(region.end));
  if (!text.includes('$')) return;
  for (const ref of variableRefs(text, model.escape)) {
    if (defined.has(ref.name)) continue;
    const suggestion = suggestName(ref.name, defined);
    if (!complete && !suggestion) continue;
    const nameStart = base + ref.start + (text[ref.start + 1] === '{' ? 2 : 1);
    const nameRange = { start: index.positionAt(nameStart), end: index.positionAt(nameStart + ref.name.length) };
    report({
      range: { start: index.positionAt(base + ref.start), end: index.positionAt(base + ref.end) },
      message: `Usage of undefined variable '$${ref.name}'${suggestion ? ` (did you mean $${suggestion}?)` : ''}`,
      fixes: suggestion ? [{ title: `Use $${suggestion}`, isPreferred: false, edits: [{ range: nameRange, newText: suggestion }] }] : [],
    });
  }
}
