import { composeSchema } from '../../server/src/rules/compose/compose-schema';
import { ruleTable } from '../rule-table';

/** Ten levels of ten aliases each: 10^5 nodes once expanded, past the model's budget of 50000. */
const ALIAS_BOMB = [
  'x-a: &a [x, x, x, x, x, x, x, x, x, x]',
  ...['b', 'c', 'd', 'e'].map((name, i) => {
    const previous = 'abcd'[i];
    return `x-${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`;
  }),
  // Expanded, this would be a list where a mapping belongs.
  'services: *e',
  '',
].join('\n');

const CONDITIONS = '"service_started", "service_healthy", "service_completed_successfully"';

ruleTable(composeSchema, {
  valid: [
    '',
    '# nothing yet\n',
    'services:\n  web:\n    image: nginx:1.27\n    read_only: true\n    cap_drop: [ALL]\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16.4\n',
    {
      name: 'interpolated values are not judged, whatever the type the key wants',
      code: 'services:\n  web:\n    image: nginx:1.27\n    cpus: ${CPUS:-1}\n    ports:\n      - "127.0.0.1:${PORT:-8080}:80"\n    depends_on:\n      db:\n        condition: ${DB_CONDITION}\n    healthcheck:\n      test: ["CMD", "/app", "healthcheck"]\n      retries: "${RETRIES:-3}"\n  db:\n    image: postgres:16.4\n',
    },
    {
      name: 'x- extension fields at the top level, in a service and nested deeper',
      code: 'x-team: payments\nx-anything: [1, 2]\nservices:\n  web:\n    image: nginx:1.27\n    x-notes: anything goes\n    healthcheck:\n      test: ["CMD", "/app", "healthcheck"]\n      x-why: checked by the platform\n',
    },
    {
      name: 'anchors and merge keys are expanded first',
      code: 'x-defaults: &defaults\n  restart: unless-stopped\n  read_only: true\nx-image: &image nginx:1.27\nservices:\n  web:\n    <<: *defaults\n    image: *image\n  worker:\n    <<: [*defaults]\n    image: *image\n',
    },
    { name: 'an entry tagged !reset is removed before the check, as docker compose does', code: 'services:\n  web:\n    image: nginx:1.27\n    build: !reset null\n' },
    { name: 'a file with YAML errors is left to compose-yaml-error', code: 'services:\n  web: [\n    volumez: []\n' },
    { name: 'duplicate keys are a YAML error, not checked against the schema', code: 'services:\n  web:\n    image: nginx:1.27\n    image: nginx:1.26\n    volumez: []\n' },
    { name: 'an alias bomb is not expanded past the model\'s budget, so not checked', code: ALIAS_BOMB },
  ],
  invalid: [
    {
      name: 'a misspelt key and a value outside its list (the docs example)',
      code: 'services:\n  web:\n    image: nginx:1.27\n    volumez:\n      - ./site:/usr/share/nginx/html:ro\n    depends_on:\n      db:\n        condition: when_ready\n  db:\n    image: postgres:16.4\n',
      findings: [
        { line: 4, column: 5, endLine: 4, endColumn: 12, message: '"volumez" is not a Compose key in services.web' },
        { line: 8, column: 20, endLine: 8, endColumn: 30, message: `services.web.depends_on.db.condition must be one of ${CONDITIONS}` },
      ],
    },
    {
      name: 'an unknown top-level key',
      code: 'service:\n  web:\n    image: nginx:1.27\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 8, message: '"service" is not a Compose key in the top level' }],
    },
    {
      name: 'a value of the wrong type is reported at its key when it is a block; an unknown key of a volume',
      code: 'services:\n  web:\n    image: nginx:1.27\n    cpus: [1]\nvolumes:\n  logs:\n    drivr: local\n',
      findings: [
        { line: 4, column: 5, endLine: 4, endColumn: 9, message: 'services.web.cpus must be number or string' },
        { line: 7, column: 5, endLine: 7, endColumn: 10, message: '"drivr" is not a Compose key in volumes.logs' },
      ],
    },
    {
      name: 'an empty value is reported at its key',
      code: 'services:\n  web:\n    image:\n',
      findings: [{ line: 3, column: 5, endLine: 3, endColumn: 10, message: 'services.web.image must be string' }],
    },
    {
      name: 'a missing required key, and duplicate items',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80", "8080:80"]\n    depends_on:\n      db:\n        required: true\n  db:\n    image: postgres:16.4\n',
      findings: [
        { line: 4, column: 5, endLine: 4, endColumn: 10, message: 'services.web.ports has duplicate items' },
        { line: 6, column: 7, endLine: 6, endColumn: 9, message: 'services.web.depends_on.db needs "condition"' },
      ],
    },
    {
      name: 'a key merged in from an anchor: at the merge, naming the anchor',
      code: 'x-defaults: &defaults\n  restrat: always\nservices:\n  web:\n    <<: *defaults\n    image: nginx:1.27\n',
      findings: [{ line: 5, column: 5, endLine: 5, endColumn: 18, message: '"restrat" is not a Compose key in services.web (from &defaults on line 2)' }],
    },
    {
      name: 'a value that came through an alias: where the alias uses it',
      code: 'x-limits: &limits\n  cpus: [1]\nservices:\n  web:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits: *limits\n',
      findings: [{ line: 8, column: 17, endLine: 8, endColumn: 24, message: 'services.web.deploy.resources.limits.cpus must be number or string (from &limits on line 2)' }],
    },
    {
      name: 'a whole value through an alias: at its key, naming the anchor',
      code: 'x-image: &image [nginx]\nservices:\n  web:\n    image: *image\n',
      findings: [{ line: 4, column: 5, endLine: 4, endColumn: 10, message: 'services.web.image must be string (from &image on line 1)' }],
    },
    {
      name: 'a file that is not a mapping',
      code: '- web\n- db\n',
      findings: [{ line: 1, column: 1, endLine: 2, endColumn: 5, message: 'The file must be object' }],
    },
    {
      name: 'a pragma silences the finding on the next line only',
      code: 'services:\n  web:\n    image: nginx:1.27\n    # shipshape ignore=compose-schema\n    volumez: []\n    netwrks: [front]\n',
      findings: [{ line: 6, column: 5, endLine: 6, endColumn: 12, message: '"netwrks" is not a Compose key in services.web' }],
    },
    {
      name: 'the level from the settings',
      code: 'services:\n  web:\n    image: nginx:1.27\n    volumez: []\n',
      settings: { rules: { 'compose-schema': 'warning' } },
      findings: [{ line: 4, column: 5, endLine: 4, endColumn: 12, message: '"volumez" is not a Compose key in services.web', severity: 'warning' }],
    },
  ],
});
