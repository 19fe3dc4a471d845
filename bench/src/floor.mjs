#!/usr/bin/env node
/**
 * The floor of a check: what any tool that looks at every translation must do, and nothing more.
 * Run as a contender of its own (a whole Node process, like the others), in the same run:
 *
 *   node floor.mjs read  <dir>   lists locales/{lng}/{ns}.json, reads every file, parses it
 *                                (JSON.parse) and visits every string with one regular expression
 *                                (the tokens the rules look at: placeholders, nestings, tags,
 *                                number runs); prints what it counted
 *   node floor.mjs stat  <dir>   lists the same files and stats every one (what a cached check
 *                                must do at least to tell that nothing changed)
 *
 * One thread, no positions, no findings: a check can be no faster than this, only close to it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const TOKEN = /\{\{[^}]*\}\}|\$t\([^)]*\)|<[^>]*>|\p{Nd}+/gu;

const [mode = 'read', dir = '.'] = process.argv.slice(2);
const root = path.join(dir, 'locales');
/** @type {string[]} */
const files = [];
for (const lng of readdirSync(root, { withFileTypes: true })) {
  if (!lng.isDirectory()) continue;
  for (const f of readdirSync(path.join(root, lng.name)))
    if (f.endsWith('.json')) files.push(path.join(root, lng.name, f));
}

if (mode === 'stat') {
  let bytes = 0;
  for (const f of files) bytes += statSync(f).size;
  process.stdout.write(JSON.stringify({ files: files.length, bytes }) + '\n');
} else {
  let strings = 0;
  let tokens = 0;
  /** @param {unknown} v */
  const visit = (v) => {
    if (typeof v === 'string') {
      strings++;
      TOKEN.lastIndex = 0;
      while (TOKEN.exec(v) !== null) tokens++;
    } else if (v !== null && typeof v === 'object') {
      for (const x of Object.values(v)) visit(x);
    }
  };
  for (const f of files) visit(JSON.parse(readFileSync(f, 'utf8')));
  process.stdout.write(JSON.stringify({ files: files.length, strings, tokens }) + '\n');
}
