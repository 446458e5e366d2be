// An independent CWT reader for the interop test: @ldclabs/cose-ts (COSE RFC 9052 + CWT RFC 8392,
// over @noble/curves and cborg; no code shared with ours). It runs as native ESM in its own
// process because the library ships ESM only. Input (argv[2], JSON): the COSE bytes as hex, the
// issuer JWK, and the time to validate at. Output: what the library read, by its own claim names.
import { Claims, Validator } from '@ldclabs/cose-ts/cwt';
import { ECDSAKey } from '@ldclabs/cose-ts/ecdsa';
import { Header } from '@ldclabs/cose-ts/header';
import { Sign1Message } from '@ldclabs/cose-ts/sign1';

const { messageHex, jwk, nowSeconds } = JSON.parse(process.argv[2]);
const fromB64u = (text) => Buffer.from(text, 'base64url');
const key = ECDSAKey.fromPublic(Buffer.concat([Buffer.of(0x04), fromB64u(jwk.x), fromB64u(jwk.y)]));
try {
  const message = Sign1Message.fromBytes(key, Buffer.from(messageHex, 'hex'));
  const claims = Claims.fromBytes(message.payload);
  let valid = true;
  try {
    new Validator({ fixedNow: new Date(nowSeconds * 1000), clockSkew: 0 }).validate(claims);
  } catch {
    valid = false;
  }
  const header = message.protected ?? new Header();
  console.log(
    JSON.stringify({
      signature: 'valid',
      exp: claims.exp,
      iat: claims.iat,
      cti: Buffer.from(claims.cti).toString('hex'),
      contentType: header.getInt(3),
      kid: Buffer.from(header.getBytes(4)).toString('base64url'),
      validAtNow: valid,
    }),
  );
} catch (error) {
  console.log(JSON.stringify({ signature: 'refused', error: String(error.message ?? error) }));
}
