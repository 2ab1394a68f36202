import type { resources } from './resources';

// Keys are checked at compile time: `t('plan:goals.title')` for a key that does not exist fails tsc.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'app';
    resources: (typeof resources)['en'];
  }
}
