import type { BilateralData } from '../src/eleventy.js';
import type { RenderedDocument, RenderedText } from '../src/index.js';

const DOC = 'north-korea-ukraine-relations';

/**
 * A stand-in for Eleventy's config API (what the plugin calls), shared by the plugin's tests: the
 * filters, global data, watch targets and build hook the plugin registers, and shortcuts to them.
 */
export function fakeEleventy() {
  const filters = new Map<string, (...args: any[]) => any>();
  const listeners = new Map<string, (arg: { runMode?: string }) => unknown>();
  const globals = new Map<string, unknown>();
  const watched: { target: string; options?: { resetConfig?: boolean } }[] = [];
  return {
    filters,
    globals,
    watched,
    config: {
      addGlobalData: (name: string, data: unknown) => globals.set(name, data),
      addFilter: (name: string, fn: (...args: any[]) => any) => filters.set(name, fn),
      addWatchTarget: (target: string, options?: { resetConfig?: boolean }) =>
        watched.push({ target, ...(options ? { options } : {}) }),
      on: (event: string, fn: (arg: { runMode?: string }) => unknown) => listeners.set(event, fn),
    },
    build: (runMode: string) => listeners.get('eleventy.before')!({ runMode }),
    data: () => (globals.get('bilateral') as () => BilateralData)(),
    document: (locale: string, doc = DOC) =>
      filters.get('bilateralDocument')!(doc, locale) as RenderedDocument,
    text: (key: string, locale: string, values?: object) =>
      filters.get('bilateralText')!(key, locale, values) as RenderedText,
  };
}
