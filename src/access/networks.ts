import { BlockList, isIP } from 'node:net';

/** Parses CIDR ranges once; throws RangeError naming the bad entry's position, not its text. */
export function networkList(cidrs: readonly string[]): BlockList {
  const list = new BlockList();
  cidrs.forEach((cidr, index) => {
    const [address, prefixText] = cidr.trim().split('/');
    const family = isIP(address ?? '');
    const prefix = Number(prefixText);
    const max = family === 4 ? 32 : 128;
    if (!address || family === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > max) {
      throw new RangeError(`network ${index + 1} is not a CIDR range`);
    }
    list.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
  });
  return list;
}

/** Whether an address is inside one of the ranges; an unknown address is outside. */
export function isInside(list: BlockList, address: string | undefined): boolean {
  if (!address) return false;
  // Dual-stack sockets report IPv4 clients as ::ffff:a.b.c.d.
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  const family = isIP(plain);
  if (family === 0) return false;
  return list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
}

/** Whether a text is a valid comma-separated CIDR list; for configuration checks. */
export function isCidrList(value: string): boolean {
  try {
    networkList(value.split(',').filter((part) => part.trim() !== ''));
    return true;
  } catch {
    return false;
  }
}
