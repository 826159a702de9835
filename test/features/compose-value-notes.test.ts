/** The notes on compose values: which setting a value belongs to, and values spelt the ways Docker accepts. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ITEM } from '../../server/src/compose-schema';
import { valueNote } from '../../server/src/features/compose-value-notes';

describe('valueNote', () => {
  it('reads values the way Docker does: on-failure with a count, CAP_ prefixes and any case, = or : in security_opt', () => {
    assert.equal(valueNote(['services', 'web', 'restart'], 'on-failure:5'), valueNote(['services', 'web', 'restart'], 'on-failure'));
    assert.equal(valueNote(['services', 'web', 'cap_add', ITEM], 'CAP_SYS_ADMIN'), valueNote(['services', 'web', 'cap_add', ITEM], 'sys_admin'));
    assert.equal(valueNote(['services', 'web', 'security_opt', ITEM], 'seccomp=unconfined'), valueNote(['services', 'web', 'security_opt', ITEM], 'seccomp:unconfined'));
    assert.equal(valueNote(['services', 'web', 'read_only'], 'True'), valueNote(['services', 'web', 'read_only'], 'true'));
    assert.match(valueNote(['services', 'web', 'depends_on', 'db', 'condition'], 'service_healthy')!, /healthcheck passes/);
  });

  it('says nothing outside services, for other settings, other values or names of Object\'s prototype', () => {
    assert.equal(valueNote(['x-defaults', 'restart'], 'always'), null);
    assert.equal(valueNote(['services', 'web', 'image'], 'always'), null);
    assert.equal(valueNote(['services', 'web', 'restart'], 'sometimes'), null);
    assert.equal(valueNote(['services', 'web', 'constructor'], 'name'), null);
    assert.equal(valueNote(['services', 'web', 'restart'], '__proto__'), null);
    assert.equal(valueNote(['services', 'web', 'healthcheck', 'test', ITEM], 'CMD'), null);
  });
});
