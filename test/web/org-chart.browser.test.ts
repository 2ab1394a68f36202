// The API (through support/browser) is imported before anything that makes zod schemas.
import { useServedApp, type SignInPerson } from '../support/browser';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { artifactsDir } from '../support/browser';
import { seriousAxeFindings } from '../support/axe';
import { createPersonIn, useFreshInstance } from '../support/fresh-instance';

// A small company of the file's own, so the whole chart fits on the screen.
vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 100 } } });
const served = useServedApp({ worker: false, pageTimeoutMs: 20_000, failurePrefix: 'org-chart-', ...useFreshInstance('org_chart') });

let admin: SignInPerson;
let people: Record<'head' | 'east' | 'west' | 'erin' | 'will', SignInPerson>;
beforeAll(async () => {
  const db = served.system.db;
  admin = await createPersonIn(db, 'Ada Admin', 'admin');
  const head = await createPersonIn(db, 'Hugo Head', 'manager', admin.id);
  const east = await createPersonIn(db, 'Eve East', 'manager', head.id);
  const west = await createPersonIn(db, 'Walt West', 'manager', head.id);
  const erin = await createPersonIn(db, 'Erin Rep', 'member', east.id);
  const will = await createPersonIn(db, 'Will Rep', 'member', west.id);
  people = { head, east, west, erin, will };
});

const card = (page: Page, person: { id: string }) => page.getByTestId(`org-person-${person.id}`);
const inChain = async (page: Page) => {
  const all = await page.locator('[data-testid^="org-person-"][data-in-chain="true"]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-testid')!.slice('org-person-'.length)));
  return all.sort();
};
const ids = (...list: { id: string }[]) => list.map((p) => p.id).sort();

describe('the org chart on the people page', () => {
  it('draws who reports to whom, highlights a person’s escalation chain up to the top, moves someone by the form, refuses a loop with the reason at the field, and moves someone by dropping their card on a manager', { timeout: 120_000 }, async () => {
    const page = await served.signedInPage(admin);
    await page.goto(`${served.url}/people`);
    const chart = page.getByTestId('org-chart');
    await expect.poll(() => chart.getAttribute('data-laid-out')).toBe('true');
    // Every person is a card, with an edge from each manager to each report, managers above.
    for (const person of [admin, ...Object.values(people)]) await card(page, person).waitFor();
    expect(await chart.locator('.react-flow__edge').count()).toBe(5);
    const top = async (person: { id: string }) => (await card(page, person).boundingBox())!.y;
    expect(await top(admin)).toBeLessThan(await top(people.head));
    expect(await top(people.head)).toBeLessThan(await top(people.east));
    expect(await top(people.east)).toBeLessThan(await top(people.erin));
    expect(await seriousAxeFindings(page)).toEqual([]);

    // Clicking a card shows that person's chain up to the top, on the chart and in words.
    await card(page, people.erin).click();
    await expect.poll(() => inChain(page)).toEqual(ids(people.erin, people.east, people.head, admin));
    expect(await page.getByTestId('escalation-chain').textContent()).toBe('Erin Rep → Eve East → Hugo Head → Ada Admin');
    expect(await chart.locator('.org-edge--chain').count()).toBe(3);
    await page.screenshot({ path: path.join(artifactsDir, 'org-chart-1-chain.png') });

    // Erin moves to Walt West by the form; the chart and the chain follow.
    const form = page.getByTestId('reports-to');
    expect(await form.getByTestId('reports-to-person').inputValue()).toBe(people.erin.id);
    await form.getByTestId('reports-to-manager').selectOption(people.west.id);
    await form.getByRole('button', { name: 'Move' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Erin Rep now reports to Walt West.');
    await expect.poll(() => inChain(page)).toEqual(ids(people.erin, people.west, people.head, admin));
    expect(await page.getByRole('row', { name: /^Erin Rep/ }).textContent()).toContain('Walt West');

    // Hugo Head may not report to Walt West, who stands below him: refused, the reason at the field.
    await page.getByTestId('chain-of').selectOption(people.head.id);
    await expect.poll(() => inChain(page)).toEqual(ids(people.head, admin));
    await form.getByTestId('reports-to-manager').selectOption(people.west.id);
    await form.getByRole('button', { name: 'Move' }).click();
    const field = form.getByTestId('reports-to-manager');
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    // The message under the field, the one the field names as describing it.
    const errorId = (await field.getAttribute('aria-describedby'))?.split(' ').find((id) => id.endsWith('-error'));
    expect(await form.locator(`[id="${errorId}"]`).textContent()).toBe('Hugo Head stands above that person in the org chart; this would make a cycle');
    expect(await page.getByRole('row', { name: /^Hugo Head/ }).textContent()).toContain('Ada Admin');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.screenshot({ path: path.join(artifactsDir, 'org-chart-2-loop-refused.png') });

    // Dropping Will Rep's card on Eve East's makes her his manager, once confirmed.
    page.on('dialog', (dialog) => void dialog.accept());
    const centre = async (person: { id: string }) => {
      const box = (await card(page, person).boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    const [from, to] = [await centre(people.will), await centre(people.east)];
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('org-chart-card').getByRole('status').textContent()).toBe('Will Rep now reports to Eve East.');
    await expect.poll(() => page.getByRole('row', { name: /^Will Rep/ }).textContent()).toContain('Eve East');
  });
});
