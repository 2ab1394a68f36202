/**
 * The error of class `type` that `run` throws, for tests that look into a refusal's details;
 * fails the test when `run` throws nothing, and rethrows any other error as it is.
 */
export function thrownBy<E extends Error>(type: abstract new (...args: never[]) => E, run: () => unknown): E {
  try {
    run();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name}`);
}
