import { hasInterpolation } from '../../compose/interpolation';
import { originNote, reportRange, scalarText, type ComposeModel, type ComposeService, type YamlEntry, type YamlValue } from '../../compose/model';
import { appendToMap, appendToSequence, appendTopLevel, indentStep, removeEntry, removeSequenceItem, replaceScalar } from '../../compose/yaml-edits';
import { parseImageReference } from '../../dockerfile/image-reference';
import { keepOutOfBuildContexts } from '../../dockerignore/compose-secret-ignore';
import { joinRelative } from '../../dockerignore/compose-builds';
import { defineRule } from '../../engine/rule';
import type { TextEdit } from '../../engine/text';
import type { FileAccess, Fix } from '../../engine/types';

const SECRET_NAME = /(^|_)(PASSWORD|PASSWD|PASS|SECRET|SECRET_KEY|TOKEN|API_KEY|APIKEY|ACCESS_KEY|PRIVATE_KEY|CLIENT_SECRET|AUTH_KEY|CREDENTIALS?|ENCRYPTION_KEY|MASTER_KEY|SIGNING_KEY)$/i;
const NOT_SECRET = /^(true|false|yes|no|on|off|0|1|none|null)$/i;

/** Official images whose entrypoint reads `<VAR>_FILE` for these variables. */
const FILE_ENV: [RegExp, RegExp][] = [
  [/^(postgres|postgis\/postgis|timescale\/timescaledb(-ha)?)$/, /^POSTGRES_(PASSWORD|USER|DB|INITDB_ARGS)$/],
  [/^mysql$/, /^MYSQL_(ROOT_PASSWORD|PASSWORD|USER|DATABASE)$/],
  [/^mariadb$/, /^(MARIADB|MYSQL)_(ROOT_PASSWORD|PASSWORD|USER|DATABASE)$/],
  [/^mongo$/, /^MONGO_INITDB_ROOT_(USERNAME|PASSWORD)$/],
  [/^wordpress$/, /^WORDPRESS_DB_(HOST|USER|PASSWORD|NAME)$|^WORDPRESS_(AUTH|SECURE_AUTH|LOGGED_IN|NONCE)_(KEY|SALT)$/],
  [/^nextcloud$/, /^(MYSQL|POSTGRES)_(PASSWORD|USER|DB|DATABASE)$|^NEXTCLOUD_ADMIN_(USER|PASSWORD)$|^REDIS_HOST_PASSWORD$/],
];

/** True when the service's image is known to read `<name>_FILE`. */
export function readsFileVariant(service: ComposeService, name: string): boolean {
  if (service.get('build')) return false;
  const image = scalarText(service.get('image')?.value);
  if (!image || hasInterpolation(image)) return false;
  const repository = parseImageReference(image.trim()).repository.replace(/^library\//, '');
  return FILE_ENV.some(([images, names]) => images.test(repository) && names.test(name));
}

interface Variable {
  name: string;
  value: string;
  /** The list item (`- NAME=value`) or the map entry (`NAME: value`). */
  item: YamlValue | YamlEntry;
  form: 'map' | 'list';
}

function variables(service: ComposeService): { entry: YamlEntry; list: Variable[] } | null {
  const entry = service.get('environment');
  const env = entry?.value;
  if (!entry || !env) return null;
  const list: Variable[] = [];
  if (env.type === 'map') {
    for (const e of env.entries) {
      const value = scalarText(e.value);
      if (value !== undefined) list.push({ name: e.key, value, item: e, form: 'map' });
    }
  } else if (env.type === 'seq') {
    for (const item of env.items) {
      if (item.type !== 'scalar') continue;
      const eq = item.text.indexOf('=');
      if (eq > 0) list.push({ name: item.text.slice(0, eq).trim(), value: item.text.slice(eq + 1), item, form: 'list' });
    }
  }
  return { entry, list };
}

export const composeEnvSecret = defineRule({
  id: 'compose-env-secret',
  aliases: [],
  severity: 'warning',
  kinds: ['compose'],
  fixable: true,
  docs: {
    summary: 'A password, token or key is written as a literal value in `environment:`.',
    why: 'The value is committed with the file, shown by `docker inspect` and `docker compose config`, inherited by every child process and often logged. Compose secrets are mounted as files under /run/secrets instead, readable only inside the container.',
    bad: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2',
    good: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/postgres_password\n    secrets: [postgres_password]\nsecrets:\n  postgres_password:\n    file: ./secrets/postgres_password.txt',
    notes:
      'Both the map form (`NAME: value`) and the list form (`- NAME=value`) are read; `${VAR}` interpolations, empty values and yes/no switches are not reported. The fix writes the value to `secrets/<name>.txt` next to the compose file (keep that folder out of version control), adds a top-level `secrets:` entry and the service\'s `secrets:` entry. A value is never lost: when that file already exists with other content, the fix picks `secrets/<name>-2.txt` (then `-3`…), and a file that already holds the value is reused; unsaved text gets no fix, since the folder cannot be checked. The secrets folder is kept out of the images too: for each service built from a context that contains it (`build: .`), the fix appends `secrets/` to the ignore file that build reads (`<Dockerfile>.dockerignore`, else the context\'s `.dockerignore`), or creates that `.dockerignore` (the template of dockerignore-missing plus `secrets/`). When a build context cannot be resolved (a `${VAR}` or absolute context, or a folder above what the file\'s path names), the fix is offered but `--fix` leaves it. Where the image reads `<NAME>_FILE` (the official postgres, mysql, mariadb, mongo, wordpress and nextcloud images) the variable becomes `<NAME>_FILE=/run/secrets/<name>` and `--fix` applies it; for other images the variable is removed and the program must read /run/secrets/<name> itself, so that fix is offered but not applied by `--fix`.',
  },
  check({ model, report, files, path }) {
    for (const service of model.services) {
      const env = variables(service);
      if (!env) continue;
      for (const variable of env.list) {
        if (!SECRET_NAME.test(variable.name) || /_FILE$/i.test(variable.name)) continue;
        const value = variable.value.trim();
        if (value === '' || NOT_SECRET.test(value) || hasInterpolation(variable.value) || value.startsWith('/run/secrets/')) continue;
        // Without the files around it (unsaved text) the fix could overwrite nothing safely: none is offered.
        const fix = files ? moveToSecret({ model, files, path }, service, env.entry, variable, env.list.length) : null;
        report({
          range: reportRange(variable.item),
          message: `${variable.name} of service "${service.name}" is a literal secret in environment: use a compose secret${readsFileVariant(service, variable.name) ? ` and ${variable.name}_FILE` : ''}${originNote(variable.item)}`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});

function secretName(model: ComposeModel, service: ComposeService, variable: string): string | null {
  const existing = model.top('secrets')?.value;
  const taken = (name: string) => existing?.type === 'map' && existing.get(name) !== undefined;
  for (const name of [variable.toLowerCase(), `${service.name}_${variable}`.toLowerCase().replace(/[^a-z0-9_.-]/g, '_')]) if (!taken(name)) return name;
  return null;
}

/** Tries `secrets/<name>-2.txt` and on when the first choice exists with other content. */
const MAX_FILE_TRIES = 20;

/**
 * The file the secret goes to: `secrets/<name>.txt`, else the first `secrets/<name>-<n>.txt` that no
 * top-level secret names and that does not exist, or that already holds the value (then it is
 * kept, not created); null when there is none.
 */
function secretFile(model: ComposeModel, files: FileAccess, name: string, value: string): { path: string; create: boolean } | null {
  const top = model.top('secrets')?.value;
  const named = new Set<string>();
  if (top?.type === 'map') {
    for (const entry of top.entries) {
      const file = entry.value?.type === 'map' ? scalarText(entry.value.get('file')?.value) : undefined;
      if (file) named.add(joinRelative(file));
    }
  }
  for (let n = 1; n <= MAX_FILE_TRIES; n++) {
    const path = `secrets/${n === 1 ? name : `${name}-${n}`}.txt`;
    if (named.has(path)) continue;
    const text = files.readFile(path);
    if (text === undefined) return { path, create: true };
    if (text === value) return { path, create: false };
  }
  return null;
}

interface FixContext {
  model: ComposeModel;
  files: FileAccess;
  path: string | undefined;
}

function moveToSecret({ model, files, path }: FixContext, service: ComposeService, envEntry: YamlEntry, variable: Variable, count: number): Fix | null {
  if (envEntry.origin || variable.item.origin || !service.map || service.map.origin || service.map.flow) return null;
  const name = secretName(model, service, variable.name);
  if (!name) return null;
  const target = secretFile(model, files, name, variable.value);
  if (!target) return null;
  const step = ' '.repeat(indentStep(model));
  const file = `./${target.path}`;
  const viaFile = readsFileVariant(service, variable.name);
  const edits: (TextEdit | null)[] = [];
  const serviceSecrets = service.get('secrets');
  let secretsAdded = false;

  if (viaFile) {
    if (variable.form === 'map') {
      const entry = variable.item as YamlEntry;
      edits.push({ range: entry.keyRange, newText: `${variable.name}_FILE` });
      edits.push(entry.value ? replaceScalar(model, entry.value, `/run/secrets/${name}`) : null);
    } else {
      edits.push(replaceScalar(model, variable.item as YamlValue, `${variable.name}_FILE=/run/secrets/${name}`));
    }
  } else if (count > 1) {
    edits.push(variable.form === 'map' ? removeEntry(model, variable.item as YamlEntry) : envEntry.value?.type === 'seq' ? removeSequenceItem(model, envEntry.value, variable.item as YamlValue) : null);
  } else if (!serviceSecrets) {
    // The only variable: the environment entry becomes the service's secrets entry.
    edits.push({ range: envEntry.range, newText: `secrets: [${name}]` });
    secretsAdded = true;
  } else {
    edits.push(removeEntry(model, envEntry));
  }

  if (!secretsAdded) {
    if (serviceSecrets?.value?.type === 'seq') edits.push(appendToSequence(model, serviceSecrets.value, name));
    else if (!serviceSecrets) edits.push(appendToMap(model, service.map, [`secrets: [${name}]`]));
    else return null;
  }

  const top = model.top('secrets');
  if (!top) edits.push(appendTopLevel(model, ['secrets:', `${step}${name}:`, `${step}${step}file: ${file}`]));
  else if (top.value?.type === 'map') edits.push(appendToMap(model, top.value, [`${name}:`, `${step}file: ${file}`]));
  else return null;

  if (edits.some((edit) => edit === null)) return null;
  // The secrets folder sits in the build context of services built from this folder (or above): keep it out of their images.
  const ignore = keepOutOfBuildContexts(model, files, path, 'secrets', target.path);
  return {
    title: viaFile ? `Move ${variable.name} to a secret (${variable.name}_FILE)` : `Move ${variable.name} to a secret (the program must read /run/secrets/${name})`,
    edits: edits as TextEdit[],
    createFiles: [...(target.create ? [{ path: target.path, text: variable.value }] : []), ...ignore.createFiles],
    ...(ignore.externalEdits.length > 0 ? { externalEdits: ignore.externalEdits } : {}),
    isPreferred: viaFile && ignore.complete,
  };
}
