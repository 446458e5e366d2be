/**
 * Bundles each cloud function (its entry plus the shared domain and the SDKs
 * it uses) into cloudfunctions/<name>/index.js, so that every folder deploys
 * alone (scripts/function-bundles.ts).
 */
import { buildFunctions } from './function-bundles';

buildFunctions()
  .then((built) => {
    for (const { name, bytes, sdks } of built) {
      console.log(`cloudfunctions/${name}/index.js: ${(bytes / 1024).toFixed(1)} KiB${sdks.length ? ` (with ${sdks.join(', ')})` : ''}`);
    }
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
