// What a browser test in Chinese checks beyond "no missing key" (which every browser page already
// fails on, test/support/browser.ts): that no English sentence is left on the screen.
import type { Page } from 'playwright-core';

/**
 * Words that stay as they are in a Chinese page: product, platform and format names, a language's own name (English), units and
 * abbreviations Chinese sales teams write in Latin letters.
 */
export const keptInLatin = ['Milepost', 'English', 'KPI', 'KPIs', 'CSV', 'API', 'OpenAPI', 'JSON', 'SMART', 'Slack', 'Markdown', 'HTML', 'iCalendar', 'ICS', 'CNY', 'URL', 'ID', 'E-mail', 'Email', 'Webhook', 'PNG', 'SVG', 'Q1', 'Q2', 'Q3', 'Q4', 'HTTP', 'IANA', 'cron', 'Ctrl', 'Shift', 'Delete', 'POST', 'PATCH', 'UUID', 'ISO', 'UTC'];

/**
 * Visible text on the page that reads as English: runs of two or more Latin words, or one word of
 * four letters or more, not in `keptInLatin` nor `allow` (the test's own data: names, e-mails).
 * A Chinese page should return []. `within` (a CSS selector) looks only inside the elements it
 * matches, as `seriousAxeFindings` does: for a part of a page whose other parts are not translated yet.
 */
export async function englishLeftOn(page: Page, allow: readonly string[] = [], within?: string): Promise<string[]> {
  const texts = await page.evaluate((selector) => {
    const found: string[] = [];
    const roots = selector === undefined ? [document.body] : [...document.querySelectorAll(selector)];
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (parent === null || parent.closest('script, style, code, pre, [data-i18n-data], [hidden], [aria-hidden="true"]') !== null) continue;
        const text = node.textContent?.trim() ?? '';
        if (text === '' || parent.getClientRects().length === 0) continue;
        found.push(text);
      }
      // What a closed drop-down shows: its chosen option (an option's text has no box of its own).
      for (const select of root.querySelectorAll('select')) {
        const chosen = select.selectedOptions[0]?.textContent?.trim();
        if (chosen && select.getClientRects().length > 0) found.push(chosen);
      }
      // What people read without seeing it as text: labels and placeholders of controls.
      for (const element of [root, ...root.querySelectorAll('*')]) {
        for (const attribute of ['aria-label', 'placeholder', 'title']) {
          const value = element.getAttribute(attribute)?.trim();
          if (value) found.push(value);
        }
      }
    }
    return found;
  }, within);
  const kept = new Set([...keptInLatin, ...allow].map((word) => word.toLowerCase()));
  // Data, not words: the test's own names and e-mails, machine-readable times (2027-03-31T08:00:00.000Z)
  // and machine identifiers: long runs of letters, digits, hyphens and colons with a digit in them
  // (a workflow's id, sales-project-3f2a…), never a word such as "Q1-revenue".
  const isoTime = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?/g;
  const identifier = /(?=[\w.:-]*\d)(?=[\w.:-]*[-:])[\w.:-]{20,}/g;
  const dataLeft = (text: string) => allow.reduce((rest, item) => rest.split(item).join(' '), text).replace(isoTime, ' ').replace(identifier, ' ');
  return texts.filter((text) => {
    const words = (dataLeft(text).match(/[A-Za-z][A-Za-z'’-]*/g) ?? []).filter((word) => !kept.has(word.toLowerCase()));
    return words.length >= 2 || words.some((word) => word.length >= 4);
  });
}
