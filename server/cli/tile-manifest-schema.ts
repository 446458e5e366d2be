/**
 * The tile manifest's JSON Schema, made from the one zod schema
 * (core/tile-manifest.ts) for partners who validate before they submit.
 * `npm run partner -- schema` prints it; docs/partners/tile-manifest.schema.json
 * is a copy that test/emulator/services-cli.test.ts keeps in step.
 */
import { zodToJsonSchema } from 'zod-to-json-schema';
import { tileManifestSchema } from '../../core/tile-manifest';

export function tileManifestJsonSchema(): Record<string, unknown> {
  const schema = zodToJsonSchema(tileManifestSchema, { target: 'jsonSchema7', $refStrategy: 'none' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: 'https://e-id-card.example/schemas/tile-manifest.json',
    title: 'e-ID Card tile manifest',
    description:
      'What a partner submits for a service tile (partner function, action submitTile). Beyond this schema the service checks: regions name known provinces; nationwide stands alone; no region or scope twice; the target host is one of your registered domains (or the appId one of your registered appIds); every scope is among your allowed scopes.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}
