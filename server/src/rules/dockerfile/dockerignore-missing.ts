import { defineRule } from '../../engine/rule';
import { joinRelative } from '../../dockerignore/compose-builds';
import { contextSources, lookupBuildIgnore } from '../../dockerignore/context';
import { dockerignoreTemplate, lazyFile } from '../../dockerignore/template';

export const dockerignoreMissing = defineRule({
  id: 'dockerignore-missing',
  aliases: [],
  severity: 'warning',
  kinds: ['dockerfile'],
  fixable: true,
  docs: {
    summary: 'The Dockerfile copies the whole build context (`COPY . .`) and there is no .dockerignore.',
    why:
      'Without a .dockerignore, `COPY . .` puts everything in the folder into the image: `.git` with its history, `.env` files with credentials, private keys, host `node_modules` built for another platform, logs and editor files. The secrets stay readable in the layer even if a later RUN deletes them, and the extra files slow every build and bust the cache.',
    bad: '# Dockerfile (no .dockerignore next to it)\nFROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n',
    good: '# .dockerignore\n.git\n.env\n.env.*\n!.env.example\n**/*.pem\n**/*.key\n**/id_rsa*\nnode_modules\n',
    notes:
      'Docker reads `<Dockerfile name>.dockerignore` beside the Dockerfile whatever the context, else the `.dockerignore` at the root of the build context. The context is taken to be the Dockerfile\'s folder and every context a compose file builds it from: compose files with the default names (`compose.yaml`, `docker-compose.yml` and their overrides) in the Dockerfile\'s folder and up to three folders above it (not above the repository root) are read, so `build: {context: ., dockerfile: docker/Dockerfile}` with a `.dockerignore` at the root is not reported. Only reported when the files around the Dockerfile can be read (not for unsaved text).\n\nThe fix creates `.dockerignore` next to the Dockerfile, or `<Dockerfile name>.dockerignore` when a compose file builds it from another folder (a `.dockerignore` beside it would never be read). It holds secrets, VCS and editor files, plus what fits the project it sees (Node: `node_modules` and npm logs; Python: caches and `.venv`; PHP: `vendor/` when the build runs `composer install`), and leaves out any line that would exclude a file the Dockerfile copies by name. Trade-offs: `**/*.pem` and `**/*.key` also keep out certificates that a folder copy (`COPY certs/ …`) would take (copy them by name, or add a `!` line); `node_modules` assumes the build installs its dependencies; compose files are matched by their exact names (`compose.y*ml`, `compose.*.y*ml`, `docker-compose*.y*ml`), so `composer.json` stays; README and docs, `build/` and `dist/` stay too, since some builds need them.',
  },
  check({ model, report, files, path }) {
    if (!files) return;
    const whole = contextSources(model).find((source) => source.path === '.');
    if (!whole) return;
    const lookup = lookupBuildIgnore(files, path);
    if (!lookup || lookup.found !== null) return;
    // The context root the template looks at for project files (composer.json): compose's context when it builds from elsewhere.
    const root = lookup.contexts[lookup.contexts.length - 1];
    const text = () => dockerignoreTemplate({ dockerfiles: [model], hasFile: (name) => files.readFile(joinRelative(root, name)) !== undefined, eol: model.index.eol() });
    report({
      range: whole.word.range,
      message: `${whole.instruction.keyword} ${whole.value} copies the whole build context and there is no .dockerignore: .git, .env files and keys can end up in the image`,
      // The file's text is worked out when a fix is taken, not on every keystroke (it costs as much as the rest of the lint).
      fixes: [{ title: `Create ${lookup.createPath === '.dockerignore' ? 'a .dockerignore' : lookup.createPath}`, isPreferred: true, edits: [], createFiles: [lazyFile(lookup.createPath, text)] }],
    });
  },
});
