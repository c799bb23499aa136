/**
 * Addresses a link checker must not reach on a pull request's say-so: loopback, private, link-local, cloud
 * metadata and the like, IPv4 and IPv6 (IPv4-mapped, NAT64 and 6to4 forms read as the IPv4 address inside).
 * In: an IP address or a host name; out: what kind of non-public address it is, or undefined. Pure.
 */
import { isIP } from 'node:net';

export type AddressKind = 'loopback' | 'private' | 'link-local' | 'cloud metadata' | 'unspecified' | 'multicast' | 'reserved';

/** IPv4 ranges, most specific first: [first address, prefix length, kind]. */
const V4: [string, number, AddressKind][] = [
  ['169.254.169.254', 32, 'cloud metadata'], // AWS, GCP, Azure, OpenStack, DigitalOcean…
  ['169.254.170.2', 32, 'cloud metadata'], // AWS ECS task metadata
  ['100.100.100.200', 32, 'cloud metadata'], // Alibaba Cloud
  ['168.63.129.16', 32, 'cloud metadata'], // Azure WireServer (a public address, reachable from inside Azure only)
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'private'], // carrier-grade NAT
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'], // TEST-NET-1
  ['198.51.100.0', 24, 'reserved'], // TEST-NET-2
  ['203.0.113.0', 24, 'reserved'], // TEST-NET-3
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'], // benchmarking
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'], // and 255.255.255.255
];

function v4Number(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

const V4_RANGES = V4.map(([ip, bits, kind]) => ({ base: v4Number(ip), size: 2 ** (32 - bits), kind }));

function v4Kind(ip: string): AddressKind | undefined {
  const n = v4Number(ip);
  return V4_RANGES.find((r) => n >= r.base && n < r.base + r.size)?.kind;
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part included); undefined when malformed. */
function v6Groups(ip: string): number[] | undefined {
  let text = ip.split('%')[0] as string; // zone index
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (dotted) {
    const n = v4Number(dotted);
    text = `${text.slice(0, -dotted.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const part = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const head = part(halves[0]);
  const tail = part(halves[1]);
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const groups = [...head, ...new Array<number>(fill).fill(0), ...tail];
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : undefined;
}

function embeddedV4(hi: number, lo: number): string {
  return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
}

function v6Kind(ip: string): AddressKind | undefined {
  const g = v6Groups(ip);
  if (!g) return 'reserved';
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, h = 0, l = 0] = g;
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return 'unspecified';
  if (zeroUpTo(7) && l === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d): the IPv4 address decides.
  if (zeroUpTo(5) && f === 0xffff) return v4Kind(embeddedV4(h, l));
  if (zeroUpTo(6)) return v4Kind(embeddedV4(h, l)) ?? 'reserved';
  if (a === 0x64 && b === 0xff9b && c === 0 && d === 0 && e === 0 && f === 0) return v4Kind(embeddedV4(h, l));
  // IPv4-translated (::ffff:0:a.b.c.d) and local-use NAT64 (64:ff9b:1::/48): the IPv4 address decides, else local.
  if (zeroUpTo(4) && e === 0xffff && f === 0) return v4Kind(embeddedV4(h, l));
  if (a === 0x64 && b === 0xff9b && c === 1) return v4Kind(embeddedV4(h, l)) ?? 'private';
  // Teredo (2001::/32) tunnels to an address that cannot be told from here.
  if (a === 0x2001 && b === 0) return 'reserved';
  if (a === 0x2002) return v4Kind(embeddedV4(b, c)); // 6to4
  if (a === 0xfd00 && b === 0x0ec2 && c === 0 && d === 0 && e === 0 && f === 0 && h === 0 && l === 0x254) return 'cloud metadata'; // AWS IPv6
  if ((a & 0xfe00) === 0xfc00) return 'private'; // unique local fc00::/7
  if ((a & 0xffc0) === 0xfe80) return 'link-local';
  if ((a & 0xffc0) === 0xfec0) return 'private'; // site-local, deprecated
  if ((a & 0xff00) === 0xff00) return 'multicast';
  if (a === 0x100 && b === 0 && c === 0 && d === 0) return 'reserved'; // discard 100::/64
  if (a === 0x2001 && b === 0x0db8) return 'reserved'; // documentation
  return undefined;
}

/** What kind of non-public address `ip` is (IPv4 or IPv6, brackets allowed), or undefined for a public one. */
export function addressKind(ip: string): AddressKind | undefined {
  const bare = ip.replace(/^\[|\]$/g, '');
  const version = isIP(bare.split('%')[0] as string);
  if (version === 4) return v4Kind(bare);
  if (version === 6) return v6Kind(bare);
  return undefined;
}

/** A URL's host name as `allowHosts` entries name it: lower case, no brackets, no trailing dot. */
export function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
}

/**
 * Whether `allowHosts` lets a host be checked though it resolves to a private address: an entry is a host name or
 * address (`intranet.example.org`, `127.0.0.1`, `::1`) or a domain and its subdomains (`*.example.org`).
 */
export function hostListed(hostname: string, hosts: readonly string[]): boolean {
  const host = bareHost(hostname);
  return hosts.some((entry) => {
    const e = bareHost(entry);
    if (e.startsWith('*.')) return host === e.slice(2) || host.endsWith(e.slice(1));
    return host === e;
  });
}
