/** The app's frame: navigation, the language switch, page states shared by every screen. */
export const app = {
  languageSwitch: {
    label: 'Language',
    browser: 'As my browser ({language})',
  },
  brand: 'Milepost',
  nav: {
    label: 'Main',
    projects: 'Projects',
    inbox: 'Inbox',
    people: 'People',
    flows: 'Flows',
    audit: 'Audit trail',
    chatChannels: 'Chat channels',
    calendars: 'Holiday calendars',
  },
  crumbs: {
    projects: 'Projects',
  },
  notFound: {
    title: 'Page not found',
    toProjects: 'Go to the projects',
  },
} as const;
