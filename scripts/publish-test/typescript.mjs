// Phase 3, TypeScript: typed keys from the source locale's package. A consumer using real keys (and
// the READMEs' TypeScript examples) typechecks; one with a misspelt key fails on exactly that key.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DOCUMENT,
  TYPESCRIPT,
  check,
  codeBlocks,
  indent,
  must,
  step,
  writeJson,
} from './shared.mjs';

/** Typechecks tsconfig projects in one process: node typecheck.mjs <typescript.js URL> <project...>. */
const TYPECHECK = `const { default: ts } = await import(process.argv[2]);
const cache = new Map();
const format = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\\n' };
const out = [];
for (const project of process.argv.slice(3)) {
  const config = ts.getParsedCommandLineOfConfigFile(project, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\\n')); },
  });
  const host = ts.createCompilerHost(config.options);
  const read = host.getSourceFile;
  host.getSourceFile = (file, version, onError, create) => {
    const key = file + '|' + JSON.stringify(version);
    if (!cache.has(key)) cache.set(key, read.call(host, file, version, onError, create));
    return cache.get(key);
  };
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
  const diagnostics = [...config.errors, ...ts.getPreEmitDiagnostics(program)];
  out.push({ project, errors: diagnostics.length, output: ts.formatDiagnostics(diagnostics, format) });
}
process.stdout.write(JSON.stringify(out));
`;

const BAD_KEY = 'nav.contnets';

/** @typedef {{ what: string, project: string, files: string[], skipLibCheck: boolean }} Program */
/** @typedef {{ project: string, errors: number, output: string }} Diagnostics */

/**
 * A TypeScript consumer module using typed keys, with `key` as one of them.
 * @param {import('./consumer.mjs').Consumer} consumer
 * @param {string} key
 */
function typedUse({ locales, rootConfig }, key) {
  const source = `@bilateral/locale-${rootConfig.sourceLocale}`;
  return `import i18next from 'i18next';
import { corpus } from '@bilateral/core';
import { createRenderer, type RenderedDocument } from '@bilateral/i18n';
import ${rootConfig.sourceLocale} from '${source}';
${locales
  .filter((l) => l !== rootConfig.sourceLocale)
  .map((l) => `import ${l} from '@bilateral/locale-${l}';`)
  .join('\n')}

await i18next.init({ lng: 'en', fallbackLng: '${rootConfig.sourceLocale}', resources: { ${locales.join(', ')} } });
const skip: string = i18next.t('nav.skipToContent');
const title: string = i18next.t('meta.title', { ns: '${DOCUMENT}' });
const lead: string = i18next.t('${DOCUMENT}:sections.lead.p1');
const bad: string = i18next.t('${key}');
const doc: RenderedDocument = createRenderer({ corpus, resources: { ${locales.join(', ')} }, locale: 'uk', fallback: ['en'] }).renderDocument('${DOCUMENT}');
export const out = [skip, title, lead, bad, doc.title.text];
`;
}

/**
 * Writes the consumer's TypeScript files and one tsconfig per program: the typed consumer (with
 * the README examples of core and i18n, which type keys with the source locale as it does), the
 * misspelt-key consumer, and one program per locale README (each types keys with its own package).
 * @param {import('./version.mjs').Context} ctx
 * @param {import('./consumer.mjs').Consumer} consumer
 * @returns {Program[]}
 */
function writePrograms(ctx, consumer) {
  const { dir, rootConfig } = consumer;
  // No @types/node or DOM: the packages' types must stand on their own (console.d.ts declares
  // just what the examples print with).
  writeFileSync(
    path.join(dir, 'console.d.ts'),
    'declare var console: { log(...data: unknown[]): void; error(...data: unknown[]): void };\n',
  );
  writeFileSync(
    path.join(dir, 'i18next.d.ts'),
    `import type { Resources } from '@bilateral/locale-${rootConfig.sourceLocale}';\n\ndeclare module 'i18next' {\n  interface CustomTypeOptions {\n    defaultNS: 'ui';\n    resources: Resources;\n  }\n}\n`,
  );
  writeFileSync(path.join(dir, 'good.ts'), typedUse(consumer, 'nav.contents'));
  writeFileSync(path.join(dir, 'bad.ts'), typedUse(consumer, BAD_KEY));
  // The typed consumer also checks every .d.ts it reaches (skipLibCheck: false); the other
  // programs only their own code.
  /** @type {Program[]} */
  const programs = [
    {
      what: 'typed consumer',
      project: 'tsconfig.good.json',
      files: ['i18next.d.ts', 'good.ts'],
      skipLibCheck: false,
    },
    {
      what: 'misspelt-key consumer',
      project: 'tsconfig.bad.json',
      files: ['i18next.d.ts', 'bad.ts'],
      skipLibCheck: true,
    },
  ];
  for (const readme of consumer.readmes) {
    const files = codeBlocks(readme, 'ts').map((code, i) => {
      const name = `readme-${path.basename(path.dirname(readme))}-${i}.ts`;
      writeFileSync(
        path.join(dir, name),
        /^\s*(import|export)\s/m.test(code) ? code : `${code}\nexport {};\n`,
      );
      return name;
    });
    if (files.length === 0) continue;
    const rel = path.relative(ctx.repo, readme);
    if (rel.startsWith('locales/')) {
      const project = `tsconfig.${path.basename(path.dirname(readme))}.json`;
      programs.push({ what: rel, project, files, skipLibCheck: true });
    } else {
      programs[0]?.files.push(...files);
      if (programs[0]) programs[0].what += `, ${rel}`;
    }
  }
  for (const p of programs) {
    writeJson(path.join(dir, p.project), {
      compilerOptions: {
        target: 'ES2023',
        lib: ['ES2023'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck: p.skipLibCheck,
        types: [],
      },
      files: ['console.d.ts', ...p.files],
    });
  }
  return programs;
}

/**
 * The misspelt-key consumer must fail on exactly the misspelt key.
 * @param {import('./consumer.mjs').Consumer} consumer
 * @param {Diagnostics} bad
 * @returns {string | undefined} the problem, if any
 */
function misspeltKeyProblem(consumer, bad) {
  const errors = bad.output.split('\n').filter((l) => /error TS\d+/.test(l));
  const badLine =
    typedUse(consumer, BAD_KEY)
      .split('\n')
      .findIndex((l) => l.includes(BAD_KEY)) + 1;
  if (bad.errors === 0) {
    return `the TypeScript consumer with the misspelt key "${BAD_KEY}" typechecks: keys are not typed`;
  }
  const first = errors[0] ?? '';
  if (!(
    errors.length === 1 &&
    first.startsWith(`bad.ts(${badLine},`) &&
    bad.output.includes(BAD_KEY)
  )) {
    return `the misspelt-key consumer must fail on exactly the misspelt key (bad.ts line ${badLine}), but tsc said:\n${indent(bad.output)}`;
  }
  const hint = /Did you mean '([^']+)'\?/.exec(bad.output);
  step(
    `TypeScript: the misspelt key "${BAD_KEY}" is a compile error (${first.replace(/^.*?error (TS\d+).*$/, '$1')} at bad.ts:${badLine}${hint ? `, "did you mean ${hint[1]}?"` : ''})`,
  );
  return undefined;
}

/**
 * Typechecks every program in one process, sharing parsed declaration files (as editors do): the
 * same diagnostics as `tsc -p <project> --pretty false`, for a third of the CPU.
 * @param {import('./version.mjs').Context} ctx
 * @param {import('./consumer.mjs').Consumer} consumer
 */
export async function typecheckConsumers(ctx, consumer) {
  const programs = writePrograms(ctx, consumer);
  writeFileSync(path.join(consumer.dir, 'typecheck.mjs'), TYPECHECK);
  const run = await must(
    'the TypeScript compiler',
    process.execPath,
    ['typecheck.mjs', pathToFileURL(TYPESCRIPT).href, ...programs.map((p) => p.project)],
    { cwd: consumer.dir, env: consumer.env },
  );
  /** @type {Diagnostics[]} */
  const results = JSON.parse(run.stdout);
  const [good, bad] = results;
  check(good !== undefined && bad !== undefined, 'the TypeScript compiler reported no programs');
  const problems = [];
  for (const [i, p] of programs.entries()) {
    const result = results[i];
    if (i >= 2 && result && result.errors > 0) {
      problems.push(
        `${p.what}: the TypeScript example does not typecheck:\n${indent(result.output)}`,
      );
    }
  }
  if (good.errors > 0) {
    problems.push(
      `the typed TypeScript consumer (with ${programs[0]?.what}) does not typecheck:\n${indent(good.output)}`,
    );
  }
  const misspelt = misspeltKeyProblem(consumer, bad);
  if (misspelt) problems.push(misspelt);
  check(problems.length === 0, problems.join('\n\n'));
  const readmes = programs[0]?.what.split(', ').length ?? 1;
  step(
    `TypeScript: the typed consumer and the examples of ${readmes - 1 + programs.length - 2} READMEs typecheck`,
  );
}
