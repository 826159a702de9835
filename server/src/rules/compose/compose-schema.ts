import { defineRule } from '../../engine/rule';

/**
 * Reported by the compose language features' schema validation (see `features/compose-features.ts`),
 * not by `check`: the rule exists so those diagnostics have a page, an id for settings and pragmas,
 * and a severity.
 */
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
      'Checked in the editor while the compose language features are on (`shipshape.languageFeatures.compose`), against the schema of the Compose Specification shipped with the extension; the CLI does not check it. Values written with `${VAR}` interpolation are not judged, `x-` extension fields are allowed everywhere, and anchors and merge keys (`<<: *defaults`) are expanded first. A file with YAML syntax errors is not checked (compose-yaml-error reports those). Settings and pragmas are read when the editor next asks for the file\'s diagnostics (on the next edit). The Compose file reference: https://docs.docker.com/reference/compose-file/.',
  },
  check() {
    // The compose language features report it when they validate the file against the schema.
  },
});
