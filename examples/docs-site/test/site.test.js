import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  assertChecks,
  assertHreflang,
  assertNotFoundAndRoot,
  assertPages,
  assertPluralAndDate,
  assertSitemap,
  assertSwitcher,
  buildSite,
} from './site.js';

const example = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const output = mkdtempSync(path.join(tmpdir(), 'docs-site-'));

describe('the example docs site, built', () => {
  beforeAll(() => buildSite(example, output), 300_000);
  afterAll(() => rmSync(output, { recursive: true, force: true }));

  it('has every page in both languages', () => assertPages(output));
  it('links each page to the same page in the other language', () => assertSwitcher(output));
  it('has canonical and hreflang links with x-default', () => assertHreflang(output));
  it('lists every page with its alternates in the sitemap', () => assertSitemap(output));
  it('shows the reading time (a plural) and the date per language', () =>
    assertPluralAndDate(output));
  it('has a 404 page per language and a root page offering both', () =>
    assertNotFoundAndRoot(output));
});

it(
  'passes bilateral check, which fails naming a key the pages use when it is removed',
  () => assertChecks(example),
  180_000,
);
