/** The app's frame: navigation, the language switch, page states shared by every screen. */
export const app = {
  languageSwitch: {
    label: 'Language',
    browser: 'As my browser ({language})',
  },
} as const;
