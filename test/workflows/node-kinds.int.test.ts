import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeKinds, type NodeKind } from '../../workflows/flow/catalog';

/** A test on the real engine (an `*.int.test.ts` file) that runs a step of the kind and checks what it did. */
interface Proof {
  file: string;
  test: string;
}

const webhook = 'test/workflows/webhook-step.int.test.ts';
const email = 'test/workflows/email-steps.int.test.ts';
const logic = 'test/workflows/logic-steps.int.test.ts';
const project = 'test/workflows/project-steps.int.test.ts';
const parallel = 'test/workflows/parallel-steps.int.test.ts';
const delay = 'test/workflows/delay-step.int.test.ts';

const conditionTrue = 'starts at the trigger, goes along "true" when the rule holds, and the end it reaches reports its result';
const conditionFalse = 'goes along "false" when the rule does not hold, and the end it reaches reports its result';
const acknowledged = 'escalates to the owner’s manager, who is asked to acknowledge in the inbox and does, so the flow goes along "acknowledged"';
const topReached = 'goes along "top_reached" when nobody is above the owner, and the notify step tells the owner in the inbox';
const splitAndJoin = 'runs both branches of a split and goes on from the join once, after both';

/**
 * Which engine tests prove each node kind. A kind added to the catalog without an entry here does
 * not compile (`satisfies Record<NodeKind, …>`), and the test below fails for a kind the catalog
 * has at run time but this list does not, or for a named test that is missing or skipped.
 */
const proofs = {
  trigger: [{ file: logic, test: conditionTrue }],
  notify: [
    { file: email, test: 'e-mails a notification to the owner’s manager with its subject and text rendered' },
    { file: logic, test: topReached },
    { file: webhook, test: 'signs a notification sent over the webhook channel the same way, with the flow’s secret' },
  ],
  wait_for_ack: [
    { file: logic, test: acknowledged },
    { file: logic, test: 'goes along "timed_out" when the escalation is not acknowledged in time, and closes the request' },
  ],
  approval: [
    { file: 'test/workflows/interpreter.int.test.ts', test: 'decides an "any" approval on the first answer and closes the other request' },
    { file: 'test/workflows/interpreter.int.test.ts', test: 'takes the timed-out branch when nobody decides in time' },
    { file: email, test: 'e-mails an approval whose approve link decides once: the first POST approves, the second says the link is used' },
  ],
  escalate: [
    { file: logic, test: acknowledged },
    { file: logic, test: topReached },
    { file: 'test/workflows/sales-project.int.test.ts', test: 'goes one level up when nobody acknowledges in time, up to three levels, then tells the owner' },
  ],
  condition: [
    { file: logic, test: conditionTrue },
    { file: logic, test: conditionFalse },
  ],
  parallel_split: [{ file: parallel, test: splitAndJoin }],
  // Also 'does not wait at the join for a branch that ended early…' in the same file, once enabled.
  parallel_join: [{ file: parallel, test: splitAndJoin }],
  delay: [
    { file: delay, test: 'waits the calendar time it is given and then goes on' },
    { file: delay, test: 'sets its timer by the project’s calendar: one business day starting on two holidays ends after them' },
  ],
  set_status: [{ file: project, test: 'sets the project’s health with its rendered reason, and the audit trail names the flow run' }],
  create_task: [{ file: project, test: 'creates a task with its rendered title for the person the rule names, due when the step says' }],
  webhook: [
    { file: webhook, test: 'sends the rendered body with a signature the receiver verifies with the flow’s secret, and goes on along "success"' },
    { file: webhook, test: 'retries after a 500 and goes on along "success" when the second attempt gets a 200' },
    { file: webhook, test: 'retries after the connection drops without an answer and goes on along "success" when the next attempt gets a 200' },
    { file: webhook, test: 'takes "failure" when every attempt gets a 500, after the configured retries' },
    { file: webhook, test: 'takes "failure" after exactly one attempt when the receiver answers 400, although retries are left' },
    { file: webhook, test: 'takes "failure" when the receiver does not answer within the step’s timeout' },
    { file: webhook, test: 'takes "failure" at once, sending nothing, when a header renders to a value HTTP cannot carry' },
    { file: 'test/workflows/webhook-guard.int.test.ts', test: 'refuses a loopback receiver given by %s, at once and without sending anything' },
  ],
  start_retrospective: [
    { file: project, test: 'starts the closing review from a step on project_closed, and the project still has exactly one' },
    { file: project, test: 'starts the closing review from a step before the project closes, and closing then starts no second one' },
  ],
  end: [
    { file: logic, test: conditionTrue },
    { file: logic, test: conditionFalse },
  ],
} satisfies Record<NodeKind, readonly [Proof, ...Proof[]]>;

const root = new URL('../../', import.meta.url);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the file declares the test with `it(` or `it.each(…)(` — not `it.skip`, `it.todo` or a comment. */
function declares(source: string, test: string): boolean {
  const name = escape(test);
  return new RegExp(`\\bit(\\.each\\([\\s\\S]*?\\]\\))?\\(\\s*(['"\`])${name}\\2`).test(source);
}

describe.each(nodeKinds)('the %s node kind', (kind) => {
  it('has an engine test, declared and not skipped, that runs it and checks its outputs', () => {
    const listed: Partial<Record<string, readonly Proof[]>> = proofs;
    const named = listed[kind] ?? [];
    expect(named.length, `no engine test is listed for "${kind}" in test/workflows/node-kinds.int.test.ts`).toBeGreaterThan(0);
    for (const { file, test } of named) {
      expect(file, 'proofs run on the real engine').toMatch(/\.int\.test\.ts$/);
      const path = new URL(file, root);
      expect(existsSync(path), `${file} exists`).toBe(true);
      expect(declares(readFileSync(path, 'utf8'), test), `${file} declares the test "${test}"`).toBe(true);
    }
  });
});

describe('the list of proofs', () => {
  it('names only kinds the catalog has', () => {
    expect(Object.keys(proofs).sort()).toEqual([...nodeKinds].sort());
  });

  it('does not count a skipped test as a proof', () => {
    expect(declares("it.skip('waits for nothing', async () => {})", 'waits for nothing')).toBe(false);
    expect(declares("it('waits for nothing', async () => {})", 'waits for nothing')).toBe(true);
    expect(declares("it.each([\n  ['a', 1],\n])('counts %s', () => {})", 'counts %s')).toBe(true);
  });
});
