// Which network addresses the fetcher may connect to. Only globally routable unicast
// addresses pass: loopback, private (RFC 1918), unique-local, link-local (which holds the
// 169.254.169.254 cloud-metadata service), carrier-grade NAT (100.64/10, which holds
// Alibaba's metadata service), multicast, broadcast, unspecified, documentation, benchmarking
// and reserved ranges are refused, in IPv4 and IPv6. IPv4-mapped IPv6 (::ffff:a.b.c.d) is
// judged as the IPv4 address it carries; other IPv6 forms that embed IPv4 (NAT64, 6to4,
// Teredo) are refused outright. Ranges come from ipaddr.js's table of special ranges.
import ipaddr from 'ipaddr.js';
import { DmonError } from '../errors.js';

/** The ipaddr.js range name of an address ('unicast', 'loopback', 'private', …), or 'invalid'. */
export function addressRange(ip: string): string {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return 'invalid';
  let addr = ipaddr.parse(bare);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) {
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  }
  return addr.range();
}

/** Whether the fetcher may connect to this address without an allow-list entry. */
export function isPublicAddress(ip: string): boolean {
  return addressRange(ip) === 'unicast';
}

/**
 * Hosts and networks the caller trusts despite the policy above (tests, intranets). Entries are
 * host names ('intranet.example', '*.corp.example'), IP addresses ('127.0.0.1', '::1') or CIDR
 * blocks ('10.0.0.0/8', 'fd00::/8').
 */
export class AllowList {
  private readonly hosts = new Set<string>();
  private readonly suffixes: string[] = [];
  private readonly networks: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];

  constructor(entries: readonly string[] = []) {
    for (const raw of entries) {
      const e = raw
        .trim()
        .toLowerCase()
        .replace(/^\[|\]$/g, '');
      if (e === '') continue;
      if (e.includes('/')) {
        try {
          this.networks.push(ipaddr.parseCIDR(e));
        } catch {
          throw new DmonError(
            'CONFIG_INVALID',
            `allow-list entry '${raw}' is not a valid CIDR block (e.g. 10.0.0.0/8)`,
          );
        }
      } else if (ipaddr.isValid(e)) {
        const a = ipaddr.parse(e);
        this.networks.push([a, a.kind() === 'ipv4' ? 32 : 128]);
      } else if (e.startsWith('*.')) {
        this.suffixes.push(e.slice(1));
      } else {
        this.hosts.add(e.replace(/\.$/, ''));
      }
    }
  }

  get empty(): boolean {
    return this.hosts.size === 0 && this.suffixes.length === 0 && this.networks.length === 0;
  }

  allowsHost(hostname: string): boolean {
    const h = hostname.toLowerCase().replace(/\.$/, '');
    return this.hosts.has(h) || this.suffixes.some((s) => h.endsWith(s));
  }

  allowsAddress(ip: string): boolean {
    const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
    if (!ipaddr.isValid(bare)) return false;
    const candidates: (ipaddr.IPv4 | ipaddr.IPv6)[] = [ipaddr.parse(bare)];
    const first = candidates[0]!;
    if (first.kind() === 'ipv6' && (first as ipaddr.IPv6).isIPv4MappedAddress()) {
      candidates.push((first as ipaddr.IPv6).toIPv4Address());
    }
    return this.networks.some(([net, bits]) =>
      candidates.some((c) => c.kind() === net.kind() && c.match(net, bits)),
    );
  }
}
