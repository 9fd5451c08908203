import { generateSecret, hashSecret } from '../registry/secrets.js';

/**
 * Makes credentials for an MQTT service identity (config `mqtt.services`):
 * prints a new random secret and its scrypt hash, or, with a secret on
 * stdin, just the hash.
 *
 *   npx tsx gateway/src/cli/hash-secret.ts            # new secret + hash
 *   printf %s "$SECRET" | npx tsx gateway/src/cli/hash-secret.ts --stdin
 */
async function main(): Promise<void> {
  const fromStdin = process.argv.includes('--stdin');
  let secret: string;
  if (fromStdin) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    secret = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
    if (secret.length < 32) throw new Error('the secret must be at least 32 characters');
  } else {
    secret = generateSecret();
    console.log(`secret: ${secret}`);
  }
  console.log(`${fromStdin ? '' : 'secretHash: '}${await hashSecret(secret)}`);
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exitCode = 1;
});
