/**
 * The emulator's HTTPS certificate: a self-signed X.509 v3 certificate on a fresh P-256 key, made at start-up. Node
 * has no certificate builder, so the DER is written here (the few ASN.1 types a certificate needs) and signed with
 * `crypto.sign`; `X509Certificate` reads it back to prove it well formed. The certificate is its own CA
 * (basicConstraints CA:TRUE): a client trusts it by naming its PEM as the CA, as `curl --cacert` does.
 */
import { createHash, generateKeyPairSync, KeyObject, randomBytes, sign, X509Certificate } from "node:crypto";
import { isIP } from "node:net";

export interface EmulatorCertificate {
  /** The certificate, PEM: what a client trusts. */
  cert: string;
  /** The private key, PKCS#8 PEM: only the server holds it. */
  key: string;
  /** The names it is valid for (DNS names and IP addresses). */
  names: string[];
  /** SHA-256 fingerprint, colon-separated hex, as `openssl x509 -fingerprint -sha256` prints it. */
  fingerprint256: string;
  validTo: Date;
}

/** The names every emulator certificate holds: what a local client connects to. */
export const LOCAL_NAMES: readonly string[] = ["localhost", "127.0.0.1", "::1"];

/** Long enough for any test run or demo, short enough that a leaked key of a forgotten emulator expires. */
const VALIDITY_DAYS = 30;
/** A client's clock a little behind ours must still accept a certificate made a moment ago. */
const BACKDATE_MS = 60 * 60 * 1000;

/**
 * A self-signed certificate for `names` (DNS names, wildcards such as `*.ci.ap-guangzhou.myqcloud.com`, and IP
 * addresses) plus the local names.
 */
export function createEmulatorCertificate(names: readonly string[] = [], now: Date = new Date()):
  EmulatorCertificate {
  const all = certificateNames(names);
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const spki = publicKey.export({ type: "spki", format: "der" });
  const keyId = createHash("sha1").update(publicKeyPoint(publicKey)).digest();
  const subject = seq(set(seq(oid(OID.commonName), utf8("mediajobs-emulator"))));
  const notAfter = new Date(now.getTime() + VALIDITY_DAYS * 86_400_000);
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f; // a positive INTEGER, as RFC 5280 requires
  const signatureAlgorithm = seq(oid(OID.ecdsaWithSha256));
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))), // v3
    integer(serial),
    signatureAlgorithm,
    subject, // issuer: self-signed
    seq(time(new Date(now.getTime() - BACKDATE_MS)), time(notAfter)),
    subject,
    spki,
    explicit(3, seq(
      extension(OID.basicConstraints, true, seq(bool(true))),
      extension(OID.keyUsage, true, namedBits(KEY_USAGE_DIGITAL_SIGNATURE | KEY_USAGE_CERT_SIGN)),
      extension(OID.extKeyUsage, false, seq(oid(OID.serverAuth))),
      extension(OID.subjectKeyIdentifier, false, octetString(keyId)),
      extension(OID.authorityKeyIdentifier, false, seq(implicit(0, keyId))),
      extension(OID.subjectAltName, false, seq(...all.map(generalName))),
    )),
  );
  const signature = sign("sha256", tbs, { key: privateKey, dsaEncoding: "der" });
  const der = seq(tbs, signatureAlgorithm, bitString(signature));
  const cert = pem("CERTIFICATE", der);
  const parsed = new X509Certificate(cert);
  if (!parsed.verify(publicKey)) throw new Error("the emulator's certificate does not verify with its own key");
  return { cert, key: privateKey.export({ type: "pkcs8", format: "pem" }) as string, names: all,
    fingerprint256: parsed.fingerprint256, validTo: notAfter };
}

/** The local names and `names`, lower case, once each; refuses what is neither a DNS name nor an IP address. */
function certificateNames(names: readonly string[]): string[] {
  const all = [...new Set([...LOCAL_NAMES, ...names.map((n) => n.toLowerCase())])];
  for (const name of all) {
    if (!isIP(name) && !/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(name)) {
      throw new Error(`"${name}" is neither a DNS name nor an IP address: a certificate cannot name it.`);
    }
  }
  return all;
}

const OID = {
  commonName: "2.5.4.3",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  extKeyUsage: "2.5.29.37",
  serverAuth: "1.3.6.1.5.5.7.3.1",
  subjectKeyIdentifier: "2.5.29.14",
  authorityKeyIdentifier: "2.5.29.35",
  subjectAltName: "2.5.29.17",
} as const;

/** keyUsage bits, most significant first: digitalSignature (0) and keyCertSign (5). */
const KEY_USAGE_DIGITAL_SIGNATURE = 0x80;
const KEY_USAGE_CERT_SIGN = 0x04;

/** A DER element: tag, definite length, content. */
function tlv(tag: number, content: Buffer): Buffer {
  const n = content.length;
  let length: Buffer;
  if (n < 0x80) {
    length = Buffer.from([n]);
  } else {
    const bytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
    length = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), length, content]);
}

const seq = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));
const bool = (value: boolean) => tlv(0x01, Buffer.from([value ? 0xff : 0]));
const octetString = (bytes: Buffer) => tlv(0x04, bytes);
const utf8 = (text: string) => tlv(0x0c, Buffer.from(text, "utf8"));
/** A BIT STRING of whole bytes (a signature). */
const bitString = (bytes: Buffer) => tlv(0x03, Buffer.concat([Buffer.from([0]), bytes]));
/** A one-byte named-bit list: DER drops its trailing zero bits (X.690 §11.2.2). */
function namedBits(byte: number): Buffer {
  let unused = 0;
  while (unused < 7 && ((byte >> unused) & 1) === 0) unused++;
  return tlv(0x03, Buffer.from([unused, byte]));
}
const explicit = (n: number, inner: Buffer) => tlv(0xa0 | n, inner);
const implicit = (n: number, bytes: Buffer) => tlv(0x80 | n, bytes);

/** An INTEGER from big-endian magnitude bytes (a leading 0 keeps it positive). */
function integer(bytes: Buffer): Buffer {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0 && bytes[i + 1]! < 0x80) i++;
  const trimmed = bytes.subarray(i);
  return tlv(0x02, trimmed[0]! >= 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

function oid(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split(".").map(Number);
  const bytes = [first! * 40 + second!];
  for (const arc of rest) {
    const base128 = [arc & 0x7f];
    for (let v = arc >>> 7; v > 0; v >>>= 7) base128.unshift(0x80 | (v & 0x7f));
    bytes.push(...base128);
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** UTCTime until 2049, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5). */
function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, "").slice(0, 14); // YYYYMMDDHHMMSS
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`)) : tlv(0x18, Buffer.from(`${iso}Z`));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return seq(oid(id), ...(critical ? [bool(true)] : []), octetString(value));
}

/** dNSName [2] or iPAddress [7] (4 or 16 bytes). */
function generalName(name: string): Buffer {
  const family = isIP(name);
  if (family === 0) return implicit(2, Buffer.from(name, "ascii"));
  return implicit(7, family === 4 ? Buffer.from(name.split(".").map(Number)) : ipv6Bytes(name));
}

function ipv6Bytes(address: string): Buffer {
  // A trailing dotted quad (`::ffff:127.0.0.1`) is the last two groups.
  const v4 = /^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  if (v4) {
    const [a, b, c, d] = v4.slice(2).map(Number) as [number, number, number, number];
    return ipv6Bytes(`${v4[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`);
  }
  const [head, tail] = address.includes("::") ? address.split("::") : [address, undefined];
  const groups = (part: string | undefined) => (part ? part.split(":") : []);
  const left = groups(head);
  const right = groups(tail);
  const all = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return Buffer.from(all.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]));
}

/**
 * The key's uncompressed point (0x04 ‖ x ‖ y): the subjectPublicKey BIT STRING's content, which the key identifier
 * hashes (RFC 5280 §4.2.1.2).
 */
function publicKeyPoint(publicKey: KeyObject): Buffer {
  const { x, y } = publicKey.export({ format: "jwk" });
  return Buffer.concat([Buffer.from([4]), Buffer.from(x!, "base64url"), Buffer.from(y!, "base64url")]);
}

function pem(label: string, der: Buffer): string {
  const body = der.toString("base64").replace(/(.{64})/g, "$1\n").replace(/\n$/, "");
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}
