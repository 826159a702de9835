import type { ComposeModel, ComposeProblem } from '../../compose/model';
import { defineRule } from '../../engine/rule';

type SchemaCheck = (model: ComposeModel) => ComposeProblem[];
let schemaCheck: SchemaCheck | undefined;

/**
 * The schema check, loaded on first use: ajv and the schema are a large share of an idle language
 * server's memory, and a server that never sees a compose file (or has the rule off) never needs them.
 */
function checkAgainstSchema(model: ComposeModel): ComposeProblem[] {
  schemaCheck ??= (require('../../compose-schema/schema-problems') as typeof import('../../compose-schema/schema-problems')).schemaProblems;
  return schemaCheck(model);
}

export const composeSchema = defineRule({
  id: 'compose-schema',
  aliases: [],
  severity: 'error',
  kinds: ['compose'],
  fixable: false,
  docs: {
    summary: 'A key or value does not fit the Compose file schema: an unknown key, a value of the wrong type, or a value outside its list.',
    why:
      '`docker compose` validates the file against the Compose Specification schema and refuses to start anything when it does not fit, often with a message about the whole file. A misspelt key (`enviroment:`, `volumez:`) is worse in tools that do not validate: the setting is silently ignored, so the hardening it was meant to add is not there.',
    bad: 'services:\n  web:\n    image: nginx:1.27\n    volumez:\n      - ./site:/usr/share/nginx/html:ro\n    depends_on:\n      db:\n        condition: when_ready\n  db:\n    image: postgres:16.4',
    good: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./site:/usr/share/nginx/html:ro\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16.4',
    notes:
      'Checked against the schema of the Compose Specification shipped with Shipshape, in the editor and by the CLI. Values written with `${VAR}` interpolation are not judged, `x-` extension fields are allowed everywhere, anchors and merge keys (`<<: *defaults`) are expanded first, and entries tagged `!reset` are left out (as `docker compose` does); a problem in a value that came through an alias is reported where the alias is used and names the anchor. A file with YAML syntax errors, or whose aliases expand past the size limit, is not checked (compose-yaml-error reports those). In the editor, while Shipshape\'s compose language features are off (by default when Docker DX or Container Tools is installed, which check the schema themselves), the rule is off too unless `shipshape.rules` sets its level. The Compose file reference: https://docs.docker.com/reference/compose-file/.',
  },
  check({ model, report }) {
    for (const problem of checkAgainstSchema(model)) report({ range: problem.range, message: problem.message });
  },
});
