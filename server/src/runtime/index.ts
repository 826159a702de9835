/**
 * Running images on a real Docker engine: build, run, probe health, Build and Check, Compose Up and
 * Check. No editor imports: the VS Code commands and `shipshape verify` share it. Everything is
 * async and cancellable with an AbortSignal.
 */
export * from './build';
export * from './causes';
export * from './compose';
export * from './container';
export * from './docker-cli';
export * from './health';
export * from './history';
export * from './inspect';
export * from './leftovers';
export * from './names';
export * from './report';
export * from './verify';
