import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AllowList, addressRange, isPublicAddress } from './addressPolicy.js';

const REFUSED: [string, string][] = [
  ['127.0.0.1', 'loopback'],
  ['127.255.1.2', 'loopback'],
  ['10.1.2.3', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.1', 'private'],
  ['169.254.169.254', 'linkLocal (cloud metadata)'],
  ['100.64.0.1', 'carrierGradeNat'],
  ['100.100.100.200', 'carrierGradeNat (Alibaba metadata)'],
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'unspecified /8'],
  ['224.0.0.1', 'multicast'],
  ['255.255.255.255', 'broadcast'],
  ['192.0.2.10', 'documentation'],
  ['240.0.0.1', 'reserved'],
  ['::1', 'IPv6 loopback'],
  ['[::1]', 'bracketed IPv6 loopback'],
  ['::', 'IPv6 unspecified'],
  ['fe80::1', 'IPv6 link-local'],
  ['fe80::1%eth0', 'IPv6 link-local with zone'],
  ['fc00::1', 'IPv6 unique-local'],
  ['fd00:ec2::254', 'AWS IPv6 metadata'],
  ['ff02::1', 'IPv6 multicast'],
  ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
  ['::ffff:7f00:1', 'IPv4-mapped loopback, hex form'],
  ['::ffff:10.0.0.1', 'IPv4-mapped private'],
  ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
  ['64:ff9b::a00:1', 'NAT64 embedding 10.0.0.1'],
  ['2002:a00:1::', '6to4 embedding 10.0.0.1'],
  ['not an ip', 'invalid'],
];
const PUBLIC = [
  '93.184.216.34',
  '8.8.8.8',
  '1.1.1.1',
  '2606:4700:4700::1111',
  '::ffff:8.8.8.8',
  '172.32.0.1',
  '100.128.0.1',
];

for (const [ip, why] of REFUSED) {
  test(`address policy refuses ${ip} (${why})`, () => assert.equal(isPublicAddress(ip), false));
}
for (const ip of PUBLIC) {
  test(`address policy accepts public ${ip}`, () =>
    assert.equal(isPublicAddress(ip), true, addressRange(ip)));
}

test('AllowList: hosts, wildcards, addresses and CIDR blocks', () => {
  const allow = new AllowList(['Intranet.Example', '*.corp.example', '127.0.0.1', '10.0.0.0/8', 'fd00::/8']);
  assert.ok(allow.allowsHost('intranet.example'));
  assert.ok(allow.allowsHost('intranet.example.'));
  assert.ok(allow.allowsHost('wiki.corp.example'));
  assert.ok(!allow.allowsHost('corp.example.evil'));
  assert.ok(!allow.allowsHost('other.example'));
  assert.ok(allow.allowsAddress('127.0.0.1'));
  assert.ok(!allow.allowsAddress('127.0.0.2'));
  assert.ok(allow.allowsAddress('10.200.3.4'));
  assert.ok(allow.allowsAddress('::ffff:10.1.1.1'));
  assert.ok(allow.allowsAddress('fd12::1'));
  assert.ok(!allow.allowsAddress('192.168.0.1'));
  assert.ok(new AllowList([]).empty);
  assert.throws(() => new AllowList(['10.0.0.0/99']), /CIDR/);
});
