/** The semantic token types and modifiers of Dockerfiles, as registered (the features that compute them load on first use). */
export const DOCKERFILE_TOKEN_LEGEND = {
  tokenTypes: ['keyword', 'comment', 'parameter', 'property', 'namespace', 'class', 'macro', 'string', 'variable', 'operator', 'modifier'],
  tokenModifiers: ['declaration', 'definition', 'deprecated'],
};
