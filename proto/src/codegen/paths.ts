/** Where the schema and the checked-in generated codecs live inside the proto package. */
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('../../', import.meta.url));

export const PROTO_PATHS = {
  packageDir,
  schema: fileURLToPath(new URL('../../badge.proto', import.meta.url)),
  nodeCodecDir: fileURLToPath(new URL('../generated/', import.meta.url)),
  deviceCodecDir: fileURLToPath(new URL('../../device/', import.meta.url)),
} as const;
