/**
 * Base class for the domain's refusals. `code` is stable and machine-readable (the API puts it in
 * `{ error: { code } }`, workflows in `ApplicationFailure.type`); `message` says what was wrong in
 * words a sales manager can act on.
 */
export class DomainError<Code extends string = string> extends Error {
  readonly code: Code;

  constructor(code: Code, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
  }
}
