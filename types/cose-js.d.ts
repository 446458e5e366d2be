// cose-js ships no types; only what the interop test uses.
declare module 'cose-js' {
  const cose: {
    sign: {
      verify(message: Buffer, verifier: { key: { x: Buffer; y: Buffer; kid?: string } }): Promise<Buffer>;
    };
  };
  export default cose;
}
