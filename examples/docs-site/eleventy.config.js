import bilateral from '@bilateral/i18n/eleventy';
import markdownIt from 'markdown-it';

const markdown = markdownIt();
const WORDS_PER_MINUTE = 200;

export default async function (eleventyConfig) {
  // Reads bilateral.config.json, checks the translations before every build (a production build
  // stops on an error) and gives the templates `bilateral` (languages, routes) and its filters.
  await eleventyConfig.addPlugin(bilateral, {
    // Every page at /{lng}/{id}/, except the start page of each language, at /{lng}/.
    permalink: (lng, id) => (id === 'index' ? `/${lng}/` : `/${lng}/${id}/`),
  });

  eleventyConfig.addFilter('markdown', (text) => markdown.render(text));
  eleventyConfig.addFilter('readingMinutes', (text) =>
    Math.max(1, Math.ceil(text.split(/\s+/).filter(Boolean).length / WORDS_PER_MINUTE)),
  );
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: true });
}

export const config = {
  dir: { input: 'src', output: '_site' },
  templateFormats: ['njk'],
};
