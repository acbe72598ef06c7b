/**
 * Property values between the engine's protobuf Structs and the plain objects the provider core takes. Values not
 * yet known during a preview keep the engine's placeholder string, which `check()` already skips; secrets are
 * unwrapped (the engine marks the outputs of secret inputs secret again, and the plugin tells it not to send any to
 * resource operations); `null` is absent.
 */
import { Struct } from "./rpc";

type Props = Record<string, unknown>;

/** The key and value that mark a secret in a property value (Pulumi's wire format). */
const SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";

export function isSecret(value: unknown): value is { value?: unknown } {
  return typeof value === "object" && value !== null &&
    (value as Record<string, unknown>)[SIGNATURE_KEY] === SECRET_SIGNATURE;
}

/** The value with every secret replaced by what it holds and every null dropped. */
export function plain(value: unknown): unknown {
  if (isSecret(value)) return plain(value.value);
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === "object" && value !== null) {
    const out: Props = {};
    for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = plain(v);
    return out;
  }
  return value;
}

/** A request's properties as a plain object (an absent Struct is empty). */
export function fromStruct(struct: Struct | undefined): Props {
  return struct ? plain(struct.toJavaScript()) as Props : {};
}

/** A plain object as a Struct: undefined members are left out, as the engine expects. */
export function toStruct(props: Props): Struct {
  return Struct.fromJavaScript(JSON.parse(JSON.stringify(props)));
}
