/**
 * Every Dockerfile check of Trivy (AVD-DS-00xx) and Checkov (CKV_DOCKER_x, CKV2_DOCKER_x) is an alias
 * of the rule that checks the same thing, or is listed, with the reason, among the ids without a rule
 * that the README states. Each id is pinned to its rule: a wrong mapping fails here.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allRules } from '../../server/src/rules';
import { UPSTREAM_WITHOUT_RULE } from '../../server/src/rules/upstream-ids';

/** Trivy's Dockerfile checks (trivy-checks, checks/docker) and the rule that takes each. */
const TRIVY: Record<string, string> = {
  'AVD-DS-0001': 'image-tag', // ':latest' tag used
  'AVD-DS-0002': 'final-user-root', // image user should not be 'root'
  'AVD-DS-0004': 'expose-ssh-port', // port 22 exposed
  'AVD-DS-0005': 'add-instead-of-copy', // ADD instead of COPY
  'AVD-DS-0006': 'copy-from-own-stage', // COPY --from refers to the current image
  'AVD-DS-0007': 'multiple-cmd-entrypoint-healthcheck', // multiple ENTRYPOINT
  'AVD-DS-0008': 'expose-port-range', // port out of range
  'AVD-DS-0009': 'workdir-relative', // WORKDIR path not absolute
  'AVD-DS-0010': 'sudo-in-run', // RUN using sudo
  'AVD-DS-0011': 'copy-multiple-dest-slash', // COPY with more than two arguments not ending with a slash
  'AVD-DS-0012': 'duplicate-stage-name', // same alias in different FROMs
  'AVD-DS-0013': 'cd-instead-of-workdir', // RUN cd instead of WORKDIR
  'AVD-DS-0014': 'wget-and-curl', // RUN using wget and curl
  'AVD-DS-0015': 'yum-clean-all', // yum clean all missing
  'AVD-DS-0016': 'multiple-cmd-entrypoint-healthcheck', // multiple CMD
  'AVD-DS-0017': 'package-update-alone', // update instruction alone
  'AVD-DS-0018': 'copy-from-unknown-stage', // retired: COPY --from refers to an alias not defined before
  'AVD-DS-0019': 'dnf-clean-all', // dnf clean all missing
  'AVD-DS-0020': 'zypper-clean', // zypper clean missing
  'AVD-DS-0021': 'apt-get-missing-yes', // apt-get missing -y
  'AVD-DS-0022': 'maintainer-deprecated', // MAINTAINER is deprecated
  'AVD-DS-0023': 'multiple-cmd-entrypoint-healthcheck', // multiple HEALTHCHECK
  'AVD-DS-0024': 'os-upgrade-in-build', // apt-get dist-upgrade
  'AVD-DS-0025': 'apk-no-cache', // apk add without --no-cache
  'AVD-DS-0026': 'healthcheck-missing', // no HEALTHCHECK
  'AVD-DS-0027': 'dnf-clean-all', // microdnf clean all missing
  'AVD-DS-0029': 'apt-no-install-recommends', // apt-get without --no-install-recommends
  'AVD-DS-0030': 'workdir-system-path', // WORKDIR in a system directory
  'AVD-DS-0031': 'secret-in-env-arg', // secrets passed in ARG or ENV
  'AVD-DS-0032': 'missing-pipefail', // RUN with a pipe without pipefail
};

/** Checkov's Dockerfile checks (checkov/dockerfile/checks) and the rule that takes each. */
const CHECKOV: Record<string, string> = {
  CKV_DOCKER_1: 'expose-ssh-port', // port 22 exposed
  CKV_DOCKER_2: 'healthcheck-missing', // HEALTHCHECK exists
  CKV_DOCKER_3: 'final-user-root', // a user is created
  CKV_DOCKER_4: 'add-instead-of-copy', // ADD
  CKV_DOCKER_5: 'package-update-alone', // update not alone
  CKV_DOCKER_6: 'maintainer-deprecated', // MAINTAINER
  CKV_DOCKER_7: 'image-tag', // latest tag
  CKV_DOCKER_8: 'final-user-root', // last USER is not root
  CKV_DOCKER_9: 'apt-instead-of-apt-get', // apt
  CKV_DOCKER_10: 'workdir-relative', // WORKDIR absolute
  CKV_DOCKER_11: 'duplicate-stage-name', // FROM aliases unique
  CKV2_DOCKER_1: 'sudo-in-run', // sudo
  CKV2_DOCKER_2: 'insecure-download', // curl without certificate validation
  CKV2_DOCKER_3: 'insecure-download', // wget without certificate validation
  CKV2_DOCKER_4: 'registry-tls-disabled', // pip --trusted-host
  CKV2_DOCKER_5: 'tls-disabled-by-env', // PYTHONHTTPSVERIFY
  CKV2_DOCKER_6: 'tls-disabled-by-env', // NODE_TLS_REJECT_UNAUTHORIZED
  CKV2_DOCKER_7: 'package-signature-disabled', // apk --allow-untrusted
  CKV2_DOCKER_8: 'package-signature-disabled', // apt-get --allow-unauthenticated
  CKV2_DOCKER_9: 'package-signature-disabled', // yum, dnf, rpm --nogpgcheck
  CKV2_DOCKER_10: 'package-signature-disabled', // rpm --nosignature and friends
  CKV2_DOCKER_11: 'package-signature-disabled', // apt-get --force-yes
  CKV2_DOCKER_12: 'tls-disabled-by-env', // NPM_CONFIG_STRICT_SSL
  CKV2_DOCKER_13: 'registry-tls-disabled', // npm/yarn strict-ssl false
  CKV2_DOCKER_14: 'tls-disabled-by-env', // GIT_SSL_NO_VERIFY
  CKV2_DOCKER_15: 'registry-tls-disabled', // yum-config-manager sslverify
  CKV2_DOCKER_16: 'tls-disabled-by-env', // PIP_TRUSTED_HOST
  CKV2_DOCKER_17: 'chpasswd-in-run', // chpasswd
  CKV2_DOCKER_18: 'tls-disabled-by-env', // GOINSECURE
};

function rulesWithAlias(id: string): string[] {
  return allRules.filter((rule) => rule.aliases.some((alias) => alias.toUpperCase() === id)).map((rule) => rule.id);
}

for (const [tool, table, pattern, expected] of [
  ['Trivy', TRIVY, /^AVD-DS-\d{4}$/i, Array.from({ length: 32 }, (_, i) => `AVD-DS-${String(i + 1).padStart(4, '0')}`)],
  [
    'Checkov',
    CHECKOV,
    /^CKV2?_DOCKER_\d+$/i,
    [...Array.from({ length: 11 }, (_, i) => `CKV_DOCKER_${i + 1}`), ...Array.from({ length: 18 }, (_, i) => `CKV2_DOCKER_${i + 1}`), 'CKV_DOCKER_1005'],
  ],
] as const) {
  describe(`${tool} parity`, () => {
    for (const [id, rule] of Object.entries(table)) {
      it(`${id} is an alias of ${rule}, and of no other rule`, () => {
        assert.deepEqual(rulesWithAlias(id), [rule]);
      });
    }

    it(`no rule claims a ${tool} id outside the table`, () => {
      const claimed = allRules.flatMap((rule) => rule.aliases.filter((alias) => pattern.test(alias)).map((alias) => alias.toUpperCase()));
      assert.deepEqual(claimed.filter((id) => !(id in table)), []);
    });

    it(`every ${tool} id is in the table or among the ids without a rule, never both`, () => {
      const gaps = UPSTREAM_WITHOUT_RULE.filter((gap) => gap.tool === tool).flatMap((gap) => gap.ids);
      assert.deepEqual([...Object.keys(table), ...gaps].sort(), [...expected].sort());
    });
  });
}
