import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../platform/config.ts';
import { isCidrList, isInside, networkList } from './networks.ts';
import { defaultInternalNetworks } from './settings.ts';

test('the default hospital networks: private ranges and loopback are inside, others outside', () => {
  const list = networkList(defaultInternalNetworks);
  for (const address of [
    '10.1.2.3',
    '172.16.0.9',
    '172.31.255.1',
    '192.168.0.10',
    '127.0.0.1',
    '::1',
  ]) {
    assert.equal(isInside(list, address), true, address);
  }
  assert.equal(isInside(list, '::ffff:10.1.2.3'), true, 'an IPv4 client on a dual-stack socket');
  for (const address of [
    '203.0.113.7',
    '172.32.0.1',
    '8.8.8.8',
    '2001:db8::1',
    'garbage',
    undefined,
  ]) {
    assert.equal(isInside(list, address), false, String(address));
  }
});

test('JIKIM_INTERNAL_NETWORKS is read as a CIDR list, and a bad one stops start-up without its value', () => {
  assert.deepEqual(
    loadConfig({ JIKIM_INTERNAL_NETWORKS: '10.9.0.0/16, 2001:db8::/32' }).internalNetworks,
    ['10.9.0.0/16', '2001:db8::/32'],
  );
  assert.equal(isCidrList('10.0.0.0/33'), false);
  assert.throws(
    () => loadConfig({ JIKIM_INTERNAL_NETWORKS: '10.0.0.0/8,intranet' }),
    (error: Error) => {
      assert.match(error.message, /JIKIM_INTERNAL_NETWORKS/);
      assert.doesNotMatch(error.message, /intranet/);
      return true;
    },
  );
  assert.equal(loadConfig({}).trustProxy, false);
  assert.equal(loadConfig({}).staffIdleMinutes, 30);
});
