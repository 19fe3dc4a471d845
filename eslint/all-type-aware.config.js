// The repository's configuration with no path exempt from the type-aware rules: what an owner
// runs to see what is left before removing an entry from TYPE_AWARE_PENDING (eslint.config.js).
// Run it from the repository root (with -c, ESLint matches the config's globs against the working
// directory):
//   pnpm exec eslint -c eslint/all-type-aware.config.js packages/i18n/src packages/i18n/test
import { repositoryConfig } from '../eslint.config.js';

export default repositoryConfig({ typeAwarePending: [] });
