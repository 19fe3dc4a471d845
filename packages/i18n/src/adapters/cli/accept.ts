import { loadConfig } from '../../files/config.js';
import { ConfigError } from '../../model/errors.js';
import { acceptKeys, writeAcceptResult } from '../../ops/accept.js';
import { ConcurrentChangeError } from '../../model/errors.js';
import { visible } from '../../syntax/invisible.js';
import { loadProject } from '../../files/project.js';
import { commandName, configOptions, requireLocale, type GlobalOptions } from './shared.js';

export async function acceptCommand(
  locale: string,
  keys: readonly string[],
  g: GlobalOptions,
): Promise<number> {
  const project = await loadProject(await loadConfig(configOptions(g)));
  requireLocale(project.locales, locale, 'accept');
  if (locale === project.sourceLocale) {
    throw new ConfigError(
      `${locale} is the source locale: it is what translations are reviewed against, so it needs no lock. Name a target locale: ${project.locales.filter((l) => l !== locale).join(', ')}`,
    );
  }
  const result = acceptKeys(project, locale, keys);
  if (result.unmatched.length > 0) {
    throw new ConfigError(
      `no key of ${locale} matches ${result.unmatched.map((k) => `"${k}"`).join(', ')}; nothing was recorded. Keys look like ui:nav.contents or north-korea-ukraine-relations:sections.history.p1 (patterns: ui:nav.*, **)`,
    );
  }
  try {
    writeAcceptResult(result);
  } catch (e) {
    if (!(e instanceof ConcurrentChangeError)) throw e;
    process.stderr.write(
      `error ${visible(e.message)}\nNothing was recorded. Run \`${commandName()} accept ${locale}${keys.length > 0 ? ' …' : ''}\` again.\n`,
    );
    return 1;
  }
  process.stdout.write(
    `Accepted ${result.accepted.length} ${result.accepted.length === 1 ? 'translation' : 'translations'} of ${locale} against the current source (${result.relPath}).\n` +
      (result.accepted.length <= 10
        ? result.accepted.map((k) => `  ✓ ${visible(k)}\n`).join('')
        : '') +
      `Commit ${result.relPath} with the translations; \`${commandName()} check\` reports a key as stale when its source text changes again.\n`,
  );
  return 0;
}
