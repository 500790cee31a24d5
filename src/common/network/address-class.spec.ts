import { AddressClass, classifyAddress } from './address-class';
import { CLOUD_METADATA_ADDRESSES } from './cloud-metadata-addresses';

const TABLE: [string, AddressClass][] = [
  // Public, including neighbours of every private range.
  ['8.8.8.8', AddressClass.Public],
  ['93.184.216.34', AddressClass.Public],
  ['9.255.255.255', AddressClass.Public],
  ['11.0.0.0', AddressClass.Public],
  ['172.15.255.255', AddressClass.Public],
  ['172.32.0.1', AddressClass.Public],
  ['100.63.255.255', AddressClass.Public],
  ['100.128.0.0', AddressClass.Public],
  ['169.253.255.255', AddressClass.Public],
  ['169.255.0.1', AddressClass.Public],
  ['2001:4860:4860::8888', AddressClass.Public],
  ['2606:4700::1111', AddressClass.Public],
  ['::ffff:8.8.8.8', AddressClass.Public],
  ['64:ff9b::808:808', AddressClass.Public],

  ['127.0.0.1', AddressClass.Loopback],
  ['127.255.255.254', AddressClass.Loopback],
  ['::1', AddressClass.Loopback],
  ['0:0:0:0:0:0:0:1', AddressClass.Loopback],
  ['::ffff:127.0.0.1', AddressClass.Loopback],
  ['::ffff:7f00:1', AddressClass.Loopback],

  ['10.0.0.1', AddressClass.Private],
  ['172.16.0.1', AddressClass.Private],
  ['172.31.255.255', AddressClass.Private],
  ['192.168.1.1', AddressClass.Private],
  ['100.64.0.1', AddressClass.Private],
  ['100.127.255.255', AddressClass.Private],
  ['fc00::1', AddressClass.Private],
  ['fd12:3456:789a::1', AddressClass.Private],
  ['fd00:ec2::253', AddressClass.Private],
  ['::ffff:10.0.0.1', AddressClass.Private],
  ['64:ff9b::a00:1', AddressClass.Private],

  ['169.254.0.1', AddressClass.LinkLocal],
  ['169.254.169.253', AddressClass.LinkLocal],
  ['169.254.255.255', AddressClass.LinkLocal],
  ['fe80::1', AddressClass.LinkLocal],
  ['fe80::1%eth0', AddressClass.LinkLocal],
  ['febf::1', AddressClass.LinkLocal],
  ['::ffff:169.254.1.1', AddressClass.LinkLocal],

  // Metadata, also when reached through an IPv6 form of the same IPv4 address.
  ['::ffff:169.254.169.254', AddressClass.CloudMetadata],
  ['::ffff:a9fe:a9fe', AddressClass.CloudMetadata],
  ['0:0:0:0:0:ffff:a9fe:a9fe', AddressClass.CloudMetadata],
  ['::ffff:0:a9fe:a9fe', AddressClass.CloudMetadata],
  ['64:ff9b::a9fe:a9fe', AddressClass.CloudMetadata],
  ['64:ff9b::169.254.169.254', AddressClass.CloudMetadata],
  ['::ffff:100.100.100.200', AddressClass.CloudMetadata],
  ['::ffff:168.63.129.16', AddressClass.CloudMetadata],
  ['fd00:ec2:0:0:0:0:0:254', AddressClass.CloudMetadata],
  ['FD00:EC2::254', AddressClass.CloudMetadata],

  ['0.0.0.0', AddressClass.NonRoutable],
  ['0.1.2.3', AddressClass.NonRoutable],
  ['::', AddressClass.NonRoutable],
  ['::ffff:0.0.0.0', AddressClass.NonRoutable],
  ['255.255.255.255', AddressClass.NonRoutable],
  ['224.0.0.1', AddressClass.NonRoutable],
  ['239.255.255.250', AddressClass.NonRoutable],
  ['ff02::1', AddressClass.NonRoutable],
  ['240.0.0.1', AddressClass.NonRoutable],
  ['192.0.2.1', AddressClass.NonRoutable],
  ['198.51.100.1', AddressClass.NonRoutable],
  ['203.0.113.1', AddressClass.NonRoutable],
  ['198.18.0.1', AddressClass.NonRoutable],
  ['192.0.0.1', AddressClass.NonRoutable],
  ['2001:db8::1', AddressClass.NonRoutable],
  ['3fff::1', AddressClass.NonRoutable],
  ['100::1', AddressClass.NonRoutable],
  ['fec0::1', AddressClass.NonRoutable],
  ['4000::1', AddressClass.NonRoutable],
  // Deprecated IPv4-compatible, 6to4 and Teredo forms and local-use NAT64: refused, never unwrapped.
  ['::a9fe:a9fe', AddressClass.NonRoutable],
  ['::127.0.0.1', AddressClass.NonRoutable],
  ['::169.254.169.254', AddressClass.NonRoutable],
  ['2002:a9fe:a9fe::1', AddressClass.NonRoutable],
  ['2001::1', AddressClass.NonRoutable],
  ['64:ff9b:1::a9fe:a9fe', AddressClass.NonRoutable],
];

describe('classifyAddress', () => {
  it.each(TABLE)('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it.each(CLOUD_METADATA_ADDRESSES)('%s is a cloud metadata address', (address) => {
    expect(classifyAddress(address)).toBe(AddressClass.CloudMetadata);
  });

  it('throws on anything that is not an IP address', () => {
    expect(() => classifyAddress('metadata.google.internal')).toThrow();
    expect(() => classifyAddress('[::1]')).toThrow();
  });
});
