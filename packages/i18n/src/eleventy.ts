/** `@bilateral/i18n/eleventy`: the Eleventy plugin (see `adapters/eleventy/`). */
export * from './adapters/eleventy/plugin.js';
export { default } from './adapters/eleventy/plugin.js';
export { TranslationCheckError } from './model/errors.js';
