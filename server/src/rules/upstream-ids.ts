/**
 * The checks of the tools Shipshape replaces, as far as the rule table cannot show them: which
 * ranges of ids the rules' aliases cover, and the ids in or near those ranges that have no rule,
 * with the reason. The README states both (generated); the parity tests hold the lists to the rules.
 */
export interface UpstreamGap {
  tool: 'hadolint' | 'BuildKit' | 'Trivy' | 'Checkov';
  ids: string[];
  reason: string;
}

/** The ranges of ids the rules' aliases cover, but for the ids in UPSTREAM_WITHOUT_RULE. */
export const UPSTREAM_COVERED =
  'hadolint DL1001, DL3000–DL3067 and DL4000–DL4006 (with the retired DL3005, DL3017, DL3031, DL3039); all 22 BuildKit checks; Trivy AVD-DS-0001–AVD-DS-0032 (also written DS001 or DS-0001; with the retired AVD-DS-0018); and Checkov CKV_DOCKER_1–11 and CKV2_DOCKER_1–18';

export const UPSTREAM_WITHOUT_RULE: readonly UpstreamGap[] = [
  { tool: 'hadolint', ids: ['DL4002'], reason: 'hadolint never used this number.' },
  {
    tool: 'hadolint',
    ids: ['DL3068', 'DL3069', 'DL3070', 'DL3071', 'DL3072', 'DL3073', 'DL3074', 'DL3075', 'DL3076', 'DL3077', 'DL4007'],
    reason:
      'proposed in hadolint pull requests (BuildKit cache mounts per package manager, `COPY .`) but in no release, and two proposals claim DL3068 for different checks; they get aliases once hadolint ships them. Cache mounts are already accepted by the cache rules here (apt-lists-not-removed, pip-no-cache-dir, yarn-cache-clean…), and `COPY .` without a .dockerignore is dockerignore-missing.',
  },
  { tool: 'Trivy', ids: ['AVD-DS-0003', 'AVD-DS-0028'], reason: 'no check in Trivy\'s Dockerfile check set has these numbers.' },
  {
    tool: 'Checkov',
    ids: ['CKV_DOCKER_1005'],
    reason: 'proposed in a Checkov pull request (secrets in ENV and ARG) that was closed without being merged; secret-in-env-arg covers those secrets.',
  },
];
