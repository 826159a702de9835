import { dockerignoreLeaksSensitive } from '../../server/src/rules/dockerignore/dockerignore-leaks-sensitive';
import { ruleTable } from '../rule-table';

const HARDENED = '.git\n.env\n.env.*\n!.env.example\n**/*.pem\n**/*.key\n**/id_rsa*\n';
const ALL = 'Sensitive files are not excluded from the build context: .git, .env, .env.*, *.pem, *.key, id_rsa*';

ruleTable(dockerignoreLeaksSensitive, {
  valid: [
    HARDENED,
    { name: 'node project with node_modules', code: HARDENED + 'node_modules\n', files: { 'package.json': '{}' } },
    { name: 'node_modules only checked for node projects', code: HARDENED, files: { 'go.mod': 'module x' } },
    { name: 'allow-list style', code: '*\n!src\n!package.json\n', files: { 'package.json': '{}' } },
    { name: 'written differently', code: '/.git/\n./.env*\n**/*.pem\n**/*.key\n**/id_rsa*\n' },
    { name: 'a pragma silences the file-wide finding', code: '# shipshape ignore=dockerignore-leaks-sensitive\ndist\n' },
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
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 5, message: 'Sensitive files are not excluded from the build context: *.pem' }],
      output: '.git\n.env*\n*.pem\n**/*.key\n**/id_rsa*\n**/*.pem\n',
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
