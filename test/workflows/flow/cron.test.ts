import { describe, expect, it } from 'vitest';
import { checkCron, nextCronRuns, normalizeCron, nodeCatalog, triggerRaisers, triggerEvents, validateFlow, whyNotRaisable, type TriggerEvent, type TriggerRaiser } from '../../../workflows/flow';

describe('cron check', () => {
  it.each(['0 9 * * MON', '*/15 * * * *', '0 8-18/2 * JAN-JUN 1-5', '30 17 * * 7', '5-59/10 0 1 1 *', '@weekly', '* * * * *', '0 0 29 2 *'])(
    'accepts %s',
    (expression) => {
      expect(checkCron(expression)).toBeNull();
    },
  );

  it('asks for five parts and shows an example when there are too few', () => {
    expect(checkCron('0 9 * *')).toMatch(/five parts.*"0 9 \* \* MON"/);
  });

  it('refuses a seconds field, because a schedule fires at most once a minute', () => {
    expect(checkCron('* * * * * *')).toMatch(/at most once a minute/);
    expect(checkCron('0 9 * * * *')).toMatch(/at most once a minute/);
  });

  it('refuses an expression that never fires, saying so', () => {
    expect(checkCron('0 0 30 2 *')).toMatch(/never fires/);
    expect(checkCron('0 0 31 4 *')).toMatch(/never fires/);
  });

  it('names the field when a value is out of range', () => {
    expect(checkCron('61 * * * *')).toMatch(/minute/);
    expect(checkCron('0 24 * * *')).toMatch(/hour/);
    expect(checkCron('0 0 0 * *')).toMatch(/day/i);
    expect(checkCron('0 0 * 13 *')).toMatch(/month/);
    expect(checkCron('0 0 * * FUNDAY')).toMatch(/day of the week/);
  });

  it('refuses backward ranges, zero steps, unknown shortcuts and trailing commas', () => {
    expect(checkCron('0 18-9 * * *')).toMatch(/larger/);
    expect(checkCron('*/0 * * * *')).toMatch(/stepping/);
    expect(checkCron('@fortnightly')).toMatch(/not a known shortcut/);
    expect(checkCron('0 9 * * MON,')).not.toBeNull();
    expect(checkCron('toString')).toMatch(/five parts/);
    expect(checkCron('@constructor')).toMatch(/not a known shortcut/);
  });

  it('refuses what Temporal and croner would read differently: L, W, #, ? and both day fields', () => {
    expect(checkCron('0 0 L * *')).toMatch(/not supported/);
    expect(checkCron('0 0 15W * *')).toMatch(/not supported/);
    expect(checkCron('0 0 * * 5#2')).toMatch(/not supported/);
    expect(checkCron('0 9 ? * MON')).toMatch(/not supported/);
    expect(checkCron('0 9 1 * MON')).toMatch(/either a day of the month or a day of the week/);
  });

  it('expands shortcuts to five fields for Temporal', () => {
    expect(normalizeCron(' @daily ')).toBe('0 0 * * *');
    expect(normalizeCron('0  9 * *   MON')).toBe('0 9 * * MON');
  });
});

describe('next runs of a schedule', () => {
  it('lists the next five times in the given time zone', () => {
    const runs = nextCronRuns('0 9 * * MON', 'Asia/Shanghai', new Date('2026-12-04T10:00:00Z'));
    expect(runs.map((d) => d.toISOString())).toEqual([
      '2026-12-07T01:00:00.000Z',
      '2026-12-14T01:00:00.000Z',
      '2026-12-21T01:00:00.000Z',
      '2026-12-28T01:00:00.000Z',
      '2027-01-04T01:00:00.000Z',
    ]);
  });

  it('follows daylight saving time in the zone', () => {
    const runs = nextCronRuns('0 9 * * *', 'Europe/Berlin', new Date('2027-03-27T00:00:00Z'), 2);
    expect(runs.map((d) => d.toISOString())).toEqual(['2027-03-27T08:00:00.000Z', '2027-03-28T07:00:00.000Z']);
  });

  it('starts after the given instant, every minute for "* * * * *"', () => {
    const runs = nextCronRuns('* * * * *', 'UTC', new Date('2026-12-04T10:00:30Z'), 3);
    expect(runs.map((d) => d.toISOString())).toEqual(['2026-12-04T10:01:00.000Z', '2026-12-04T10:02:00.000Z', '2026-12-04T10:03:00.000Z']);
  });

  it('is empty for an invalid expression', () => {
    expect(nextCronRuns('0 0 30 2 *', 'UTC', new Date('2026-12-04T10:00:00Z'))).toEqual([]);
  });
});

describe('the schedule trigger', () => {
  const schema = nodeCatalog.trigger.config;

  it('takes a time zone, working days only and phases, all optional so older versions still parse', () => {
    expect(schema.safeParse({ event: 'schedule', cron: '0 9 * * MON' }).success).toBe(true);
    expect(schema.safeParse({ event: 'schedule', cron: '0 9 * * MON', timeZone: 'Europe/Berlin', workingDaysOnly: true, phases: ['execution'] }).success).toBe(true);
  });

  it('refuses an unknown time zone, an unknown phase and a cron that never fires', () => {
    expect(schema.safeParse({ event: 'schedule', cron: '0 9 * * MON', timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(schema.safeParse({ event: 'schedule', cron: '0 9 * * MON', phases: ['closed'] }).success).toBe(false);
    const never = schema.safeParse({ event: 'schedule', cron: '0 0 30 2 *' });
    expect(never.success).toBe(false);
    expect(JSON.stringify(never.error?.issues)).toMatch(/never fires/);
  });
});

describe('who raises each trigger event', () => {
  it('names a raiser for every event today', () => {
    for (const event of triggerEvents) expect(whyNotRaisable(event)).toBeNull();
    expect(Object.keys(triggerRaisers).sort()).toEqual([...triggerEvents].sort());
  });

  it('refuses to validate a flow whose trigger nothing raises, with the reason', () => {
    const raisers: Record<TriggerEvent, TriggerRaiser> = { ...triggerRaisers, schedule: { notRaisable: 'the scheduler is switched off' } };
    const flow = {
      schemaVersion: 1,
      name: 'Weekly',
      nodes: [
        { id: 't', kind: 'trigger', config: { event: 'schedule', cron: '0 9 * * MON' }, position: { x: 0, y: 0 } },
        { id: 'e', kind: 'end', config: { result: 'done' }, position: { x: 100, y: 0 } },
      ],
      edges: [{ id: 'x', source: 't', sourcePort: 'next', target: 'e', targetPort: 'in' }],
    };
    expect(validateFlow(flow)).toEqual([]);
    const diagnostics = validateFlow(flow, { raisers });
    expect(diagnostics).toMatchObject([
      { nodeId: 't', field: 'event', code: 'trigger_not_raisable', message: expect.stringMatching(/Nothing raises "On a schedule".*scheduler is switched off/) },
    ]);
  });
});
