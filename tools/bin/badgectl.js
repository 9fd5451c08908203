#!/usr/bin/env node
// Launcher for `npx badgectl`: runs the TypeScript entry through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/badgectl/main.ts');
