import { stageChain } from '../../dockerfile/package-commands';
import { insertIntoStage } from '../../dockerfile/stage-insertion';
import { defineRule } from '../../engine/rule';

const NODE_IMAGE = /(^|\/)node$/;
const NOT_PRODUCTION = /(^|[-_])(dev|develop|development|test|tests|testing|debug|ci|lint)([-_]|$)/i;

export const nodeEnvMissing = defineRule({
  id: 'node-env-missing',
  aliases: [],
  severity: 'info',
  kinds: ['dockerfile'],
  fixable: true,
  docs: {
    summary: 'The final stage runs Node.js (a `node` base image) without `ENV NODE_ENV`.',
    why: 'Express, React server rendering and many other packages check NODE_ENV: unset, they run in development mode, with verbose errors shown to clients, no view caching and lower performance.',
    bad: 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]',
    good: 'FROM node:22-slim\nCOPY . /app\nENV NODE_ENV=production\nCMD ["node", "/app/server.js"]',
    notes: 'Only the final stage, built on the official `node` image (directly or through earlier stages), is checked; a final stage named like `dev` or `test`, a stage with ONBUILD triggers (a base image for others), a dev container and a stage without CMD or ENTRYPOINT of its own are skipped. The fix adds `ENV NODE_ENV=production` just before CMD/ENTRYPOINT (above the comments over it), so a later `npm install` in the same stage still gets devDependencies.',
  },
  check({ model, path, report }) {
    const stage = model.finalStage;
    if (!stage || (stage.name && NOT_PRODUCTION.test(stage.name))) return;
    const chain = stageChain(stage);
    const root = chain[0].image;
    if (!root || root.hasVariable || !NODE_IMAGE.test(root.repository)) return;
    // A base image for others (ONBUILD) or a dev container is not a production stage; neither is a stage without its own command.
    if (path && /(^|[\\/])\.?devcontainer([\\/]|$)/i.test(path)) return;
    if (stage.instructions.some((i) => i.keyword === 'ONBUILD')) return;
    if (!chain.slice(1).some((s) => s.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT')) && !stage.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT')) return;
    if (chain.some((s) => s.instructions.some((i) => i.keyword === 'ENV' && i.properties.some((p) => p.name === 'NODE_ENV')))) return;
    // Before the CMD/ENTRYPOINT (and the comments over it); no fix when the stage ends in an instruction that would swallow the line.
    const edit = insertIntoStage(model, stage, ['ENV NODE_ENV=production']);
    report({
      range: stage.from.range,
      message: 'NODE_ENV is not set in the final stage: Node.js packages run in development mode',
      fixes: edit ? [{ title: 'Add ENV NODE_ENV=production', isPreferred: true, edits: [edit] }] : [],
    });
  },
});
