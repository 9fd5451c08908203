#!/usr/bin/env node
// Launcher for `npx badge-emulator`: runs the TypeScript entry through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/badge-emulator/main.ts');
