/**
 * RFC 3986 percent-encoding, as both vendors' signatures need it: `A-Z a-z 0-9 - _ . ~` unchanged, every other byte
 * `%XY` (uppercase hex), space `%20`. `encodeURIComponent` leaves `! ' ( ) *` alone, so they are encoded here.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}
