// The API (through web-support) is imported first on purpose: zod schemas made before
// @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { createSignInOrgChart, useWeb } from './web-support';
import { describe, expect, it } from 'vitest';
import { createProjectWithMilestone } from '../support/factories';

const web = useWeb();
const phone = { width: 390, height: 844 };

describe('on a phone', () => {
  it('fits every main page to the screen’s width: nothing scrolls sideways, and signing out stays in reach', async () => {
    const org = await createSignInOrgChart(web.system);
    const project = await createProjectWithMilestone(web.system.app, org, { dueInSeconds: 3 * 3600 });
    const page = await web.newPage(org.manager);
    await page.setViewportSize(phone);
    const pages = { projects: '/projects', project: `/projects/${project.id}`, plan: `/projects/${project.id}/plan`, inbox: '/inbox', people: '/people', account: '/account' };
    const wider: string[] = [];
    for (const [name, path] of Object.entries(pages)) {
      await page.goto(`${web.url}${path}`);
      await page.locator('main h1, .page h1').first().waitFor();
      const widths = await page.evaluate(() => {
        const scroller = document.querySelector('.app__page');
        return { document: document.documentElement.scrollWidth, page: scroller?.scrollWidth ?? 0, screen: window.innerWidth };
      });
      if (widths.document > widths.screen || widths.page > widths.screen) {
        // Name what sticks out: elements placed past the screen's right edge outside any scrolling box.
        const sticking = await page.evaluate(() =>
          [...document.querySelectorAll('body *')]
            .filter((el) => {
              if (el.getBoundingClientRect().right <= window.innerWidth + 1) return false;
              for (let up = el.parentElement; up; up = up.parentElement) if (getComputedStyle(up).overflowX !== 'visible') return getComputedStyle(el).position === 'absolute';
              return true;
            })
            .slice(0, 5)
            .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} to ${Math.round(el.getBoundingClientRect().right)} px`),
        );
        wider.push(`${name}: ${JSON.stringify(widths)} ${sticking.join(' | ')}`);
      }
      const signOut = await page.getByRole('button', { name: 'Sign out' }).boundingBox();
      if (signOut === null || signOut.x + signOut.width > phone.width) wider.push(`${name}: Sign out at ${JSON.stringify(signOut)}`);
    }
    await web.screenshot(page, 'phone-account');
    expect(wider).toEqual([]);
  });
});
