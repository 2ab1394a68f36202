import { createContext, useContext } from 'react';
import type { Diagnostic, VariableDef } from '../../../../workflows/flow';

/** What every field of one step's form needs besides its own value. */
export interface FormContextValue {
  readonly problems: readonly Diagnostic[];
  /** Variables known when this step runs, for the rule editor and "insert variable". */
  readonly variables: readonly VariableDef[];
  /** Dotted paths of fields that take {{variables}}. */
  readonly templateFields: ReadonlySet<string>;
  readonly disabled: boolean;
}

export const FormContext = createContext<FormContextValue>({ problems: [], variables: [], templateFields: new Set(), disabled: false });

export function useFormContext(): FormContextValue {
  return useContext(FormContext);
}
