/** Command-line options: `--name value`, `--name=value`, boolean `--flag`, `--` ending options. */
export class UsageError extends Error {}

export interface OptionSpec {
  /** Options that take a value. */
  valued: readonly string[];
  /** Valued options that may be given more than once. */
  repeated?: readonly string[];
  /** Options without a value. */
  booleans: readonly string[];
}

export interface ParsedArgs {
  values: Map<string, string[]>;
  flags: Set<string>;
  positional: string[];
}

export function parseArgs(args: readonly string[], spec: OptionSpec): ParsedArgs {
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq >= 0 ? eq : undefined);
    if (spec.valued.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      if (!spec.repeated?.includes(name) && values.has(name)) throw new UsageError(`--${name} given twice`);
      values.set(name, [...(values.get(name) ?? []), value]);
    } else if (spec.booleans.includes(name) && eq < 0) {
      flags.add(name);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { values, flags, positional };
}
