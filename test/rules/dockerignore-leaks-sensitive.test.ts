import { dockerignoreLeaksSensitive } from '../../server/src/rules/dockerignore/dockerignore-leaks-sensitive';
import { ruleTable } from '../rule-table';

const HARDENED = '.git\n.env\n.env.*\n!.env.example\n**/*.pem\n**/*.key\n**/id_rsa*\n';
const ALL = 'Sensitive files are not excluded from the build context: .git, .env, .env.*, *.pem, *.key, id_rsa*';
const COMPOSE_SECRETS = 'services:\n  db:\n    image: postgres:16\n    secrets: [db_password, api_key]\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt\n  api_key:\n    file: api.key.txt\n  outside:\n    file: ../shared/token.txt\n  from_env:\n    environment: TOKEN\n';

ruleTable(dockerignoreLeaksSensitive, {
  valid: [
    HARDENED,
    { name: 'node project with node_modules', code: HARDENED + 'node_modules\n', files: { 'package.json': '{}' } },
    { name: 'node_modules only checked for node projects', code: HARDENED, files: { 'go.mod': 'module x' } },
    { name: 'allow-list style', code: '*\n!src\n!package.json\n', files: { 'package.json': '{}' } },
    { name: 'written differently', code: '/.git/\n./.env*\n**/*.pem\n**/*.key\n**/id_rsa*\n' },
    { name: 'a pragma silences the file-wide finding', code: '# shipshape ignore=dockerignore-leaks-sensitive\ndist\n' },
    { name: 'compose secrets excluded', code: HARDENED + 'secrets/\napi.key.txt\n', files: { 'compose.yaml': COMPOSE_SECRETS } },
    { name: 'no compose file: a secrets/ folder cannot be known', code: HARDENED, files: { 'secrets/db_password.txt': 'x' } },
  ],
  invalid: [
    {
      name: 'nothing sensitive excluded: the fix appends the lines',
      code: 'dist\n*.log\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 5, message: ALL }],
      output: 'dist\n*.log\n.git\n.env\n.env.*\n**/*.pem\n**/*.key\n**/id_rsa*\n!.env.example\n',
    },
    {
      name: 'no final line break, CRLF',
      code: '# build outputs\r\ndist\r\n.git',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 16, message: 'Sensitive files are not excluded from the build context: .env, .env.*, *.pem, *.key, id_rsa*' }],
      output: '# build outputs\r\ndist\r\n.git\r\n.env\r\n.env.*\r\n**/*.pem\r\n**/*.key\r\n**/id_rsa*\r\n!.env.example\r\n',
    },
    {
      name: 'empty file',
      code: '',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 1, message: ALL }],
      output: '.git\n.env\n.env.*\n**/*.pem\n**/*.key\n**/id_rsa*\n!.env.example\n',
    },
    {
      name: '*.pem only matches at the context root',
      code: '.git\n.env*\n*.pem\n**/*.key\n**/id_rsa*\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 5, message: 'Sensitive files are not excluded from the build context: *.pem (excluded only at the context root: use **/*.pem)' }],
      output: '.git\n.env*\n*.pem\n**/*.key\n**/id_rsa*\n**/*.pem\n',
    },
    {
      name: 'root-only patterns for several items',
      code: '.git\n.env\n.env.*\n*.pem\n*.key\nid_rsa*\n',
      findings: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 5,
          message:
            'Sensitive files are not excluded from the build context: *.pem (excluded only at the context root: use **/*.pem), *.key (excluded only at the context root: use **/*.key), id_rsa* (excluded only at the context root: use **/id_rsa*)',
        },
      ],
      output: '.git\n.env\n.env.*\n*.pem\n*.key\nid_rsa*\n**/*.pem\n**/*.key\n**/id_rsa*\n',
    },
    {
      name: 'files kept by compose secrets next to the .dockerignore: secrets/ and the file by name',
      code: HARDENED,
      files: { 'compose.yaml': COMPOSE_SECRETS },
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 5, message: 'Sensitive files are not excluded from the build context: secrets/, api.key.txt' }],
      output: HARDENED + 'secrets/\napi.key.txt\n',
    },
    {
      name: 'one of two secret files in secrets/ excluded by name: the folder is still reported',
      code: HARDENED + 'secrets/db_password.txt\n',
      files: { 'compose.yaml': 'secrets:\n  db_password:\n    file: secrets/db_password.txt\n  token:\n    file: ./secrets/token.txt\n' },
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 5, message: 'Sensitive files are not excluded from the build context: secrets/' }],
      output: HARDENED + 'secrets/db_password.txt\nsecrets/\n',
    },
    {
      name: 'a ! line re-includes the compose secrets folder',
      code: HARDENED + '*.txt\n!secrets\n',
      files: { 'docker-compose.yml': COMPOSE_SECRETS },
      findings: [{ line: 9, column: 1, endLine: 9, endColumn: 9, message: '"!secrets" lets secrets/ back into the build context' }],
    },
    {
      name: 'node_modules in a node project',
      code: HARDENED,
      files: { 'package.json': '{}' },
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 5, message: 'Sensitive files are not excluded from the build context: node_modules' }],
      output: HARDENED + 'node_modules\n',
    },
    {
      name: 'an excluded .env.example stays excluded',
      code: '.git\n.env\n.env.example\n**/*.pem\n**/*.key\n**/id_rsa*\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 5, message: 'Sensitive files are not excluded from the build context: .env.*' }],
      output: '.git\n.env\n.env.example\n**/*.pem\n**/*.key\n**/id_rsa*\n.env.*\n',
    },
    {
      name: 'a ! line re-includes a secret: reported there, not fixed by --fix',
      code: '.git\n.env*\n!.env.production\n**/*.pem\n**/*.key\n**/id_rsa*\n',
      findings: [{ line: 3, column: 1, endLine: 3, endColumn: 17, message: '"!.env.production" lets .env.* back into the build context' }],
      fixTitles: ['Remove "!.env.production"'],
    },
    {
      name: 'a ! line re-including keys below a folder',
      code: '.git\n.env\n.env.*\n**/*.pem\n**/*.key\n**/id_rsa*\n!certs\n',
      findings: [{ line: 7, column: 1, endLine: 7, endColumn: 7, message: '"!certs" lets *.pem, *.key back into the build context' }],
    },
  ],
});
