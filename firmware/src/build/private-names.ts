/**
 * Which private class member names the device build may shorten.
 *
 * On Espruino a property or method name of 9 characters or more costs a
 * second variable wherever it is stored (each instance's field, each
 * prototype's method). TypeScript `private` members are only ever reached
 * by their name in code, so renaming them consistently across the bundle
 * (esbuild `mangleProps`) is safe, except where a name is also reached as
 * text: a string literal (event names, the board data's quoted keys, packed
 * codec descriptors, `obj['name']`) or a protobuf field (the device codec
 * reads message fields by the names in its descriptors). Those are kept.
 *
 * The keys of JSON the badge persists or is provisioned with are kept too
 * (`persistedKeys` over PERSISTED_TYPES): renamed, they would still work
 * within one build, so every test would pass, but another build may rename
 * them differently and a firmware update would then not read the state the
 * previous firmware wrote. A new persisted type belongs in that list.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** Names shorter than this cost one variable already: renaming them saves nothing. */
export const MIN_SAVING_LENGTH = 9;

/** The interfaces whose objects the badge stores as JSON or reads from JSON: file (under firmware/src) and name. */
export const PERSISTED_TYPES: readonly (readonly [string, string])[] = [
  ['core/boot-slot.ts', 'BootRecord'],
  ['core/device-store.ts', 'PersistedDeviceState'],
  ['core/ota.ts', 'Download'],
  ['app/main.ts', 'ProvisionedIdentity'],
];

/** Every property name (nested type literals included) of the PERSISTED_TYPES interfaces; throws if one is missing. */
export function persistedKeys(srcDir: string): Set<string> {
  const out = new Set<string>();
  for (const [file, name] of PERSISTED_TYPES) {
    const sf = ts.createSourceFile(file, readFileSync(join(srcDir, file), 'utf8'), ts.ScriptTarget.ES2020, false);
    let found = false;
    const collect = (node: ts.Node): void => {
      if (ts.isPropertySignature(node) && ts.isIdentifier(node.name)) out.add(node.name.text);
      ts.forEachChild(node, collect);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isInterfaceDeclaration(node) && node.name.text === name) {
        found = true;
        collect(node);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    if (!found) throw new Error(`persisted type ${name} not found in ${file}`);
  }
  return out;
}

/** The names of `private` members (fields, methods, accessors, parameter properties) of every class in the .ts files under `dirs`. */
export function privateMemberNames(dirs: string[]): Set<string> {
  const out = new Set<string>();
  const visit = (node: ts.Node): void => {
    if ((ts.isPropertyDeclaration(node) || ts.isMethodDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node) || ts.isParameter(node)) &&
      ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Private && ts.isIdentifier(node.name)) {
      out.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  for (const file of tsFiles(dirs)) {
    visit(ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, false));
  }
  return out;
}

function tsFiles(dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
    }
  };
  for (const d of dirs) walk(d);
  return out;
}

/** Every protobuf field name of a .proto file, in the camelCase the codecs use. */
export function protoFieldNames(protoText: string): Set<string> {
  const out = new Set<string>();
  const field = /^\s*(?:repeated\s+|optional\s+)?[A-Za-z_][\w.]*\s+([a-z_][a-z0-9_]*)\s*=\s*\d+/gm;
  let m: RegExpExecArray | null;
  while ((m = field.exec(protoText)) !== null) out.add((m[1] as string).replace(/_([a-z0-9])/g, (_s, c: string) => c.toUpperCase()));
  return out;
}

/** The text of every string and template literal of a script (a regex scan: over-inclusive, which only keeps more names). */
function stringLiterals(code: string): string[] {
  return code.match(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g) ?? [];
}

/**
 * The private names worth shortening in `bundle`: at least MIN_SAVING_LENGTH
 * characters, not a protobuf field, not part of any string literal, and
 * present in the bundle.
 */
export function manglablePrivateNames(bundle: string, privateNames: Set<string>, reserved: Set<string>): string[] {
  const strings = stringLiterals(bundle).join('\n');
  const out: string[] = [];
  for (const name of privateNames) {
    if (name.length < MIN_SAVING_LENGTH || reserved.has(name) || strings.indexOf(name) >= 0) continue;
    if (!new RegExp('\\b' + name + '\\b').test(bundle)) continue;
    out.push(name);
  }
  return out.sort();
}
