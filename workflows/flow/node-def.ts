import type { z } from 'zod';
import type { VariableDef } from './context-variables';
import { nodeEnvelopeSchema, type NodeEnvelopeSchema } from './node-envelope';
import type { PeopleRule } from './people-rule';
import type { Rule } from './rule';

/** Palette groups, in palette order. */
export const nodeCategories = ['start', 'people', 'logic', 'timing', 'actions', 'end'] as const;
export type NodeCategory = (typeof nodeCategories)[number];
export const nodeCategoryLabels: Record<NodeCategory, string> = {
  start: 'Start',
  people: 'People',
  logic: 'Logic',
  timing: 'Timing',
  actions: 'Actions',
  end: 'End',
};

export interface InputPort {
  readonly id: string;
  readonly label: string;
}

export interface OutputPort {
  readonly id: string;
  readonly label: string;
  /** A required output must be connected: the flow has to say what happens on that path. */
  readonly required: boolean;
}

/** Parts of a node's config that validation checks against the context, wherever they sit. */
export interface NodeUses {
  /** `field` is the dotted config path, for the message and for the designer to highlight. */
  readonly templates?: readonly {
    readonly field: string;
    readonly text: string;
    /** Variables known to this text only, e.g. {{recipient.name}} in a message rendered per person. */
    readonly alsoKnown?: readonly VariableDef[];
  }[];
  readonly rules?: readonly { readonly field: string; readonly rule: Rule }[];
  readonly people?: readonly { readonly field: string; readonly rule: PeopleRule }[];
}

/**
 * The single definition of a node kind: the designer's palette and form, the API's validation and
 * the interpreter's dispatch all read it. Methods (not function properties) on purpose: a
 * definition for one config type must be usable where any definition is expected.
 */
export interface NodeTypeDef<K extends string = string, S extends z.ZodType = z.ZodType> {
  readonly kind: K;
  readonly label: string;
  /** One or two sentences for the palette tooltip and the side panel. */
  readonly help: string;
  /** An icon name; the designer maps names to glyphs. */
  readonly icon: string;
  readonly category: NodeCategory;
  readonly config: S;
  /** A valid config a freshly dropped node starts with. */
  readonly defaults: z.output<S>;
  readonly inputs: readonly InputPort[];
  /** Output ports can depend on the config (a parallel split has one per branch). */
  outputs(config: z.output<S>): readonly OutputPort[];
  /** How the output ports follow the config, for kinds whose ports do; said in the API description. */
  readonly portsNote?: string;
  /** True when the step always waits for time or a person, so a loop through it cannot spin. */
  readonly waits: boolean;
  /**
   * True when the step waits for every incoming path (a parallel join): whatever any of them set
   * is known after it, where after an ordinary merge only what all of them set is.
   */
  readonly joinsAll?: boolean;
  /** Context variables this step adds for the steps after it. */
  provides?(config: z.output<S>): readonly VariableDef[];
  uses?(config: z.output<S>): NodeUses;
  /** Schema of a saved node of this kind (id, kind, label, config, position). */
  readonly nodeSchema: NodeEnvelopeSchema<K, S>;
}

export type AnyNodeDef = NodeTypeDef<string, z.ZodType>;

export function defineNode<const K extends string, S extends z.ZodType>(
  spec: Omit<NodeTypeDef<K, S>, 'nodeSchema'>,
): NodeTypeDef<K, S> {
  return { ...spec, nodeSchema: nodeEnvelopeSchema(spec.kind, spec.config) };
}

export const inPort: InputPort = { id: 'in', label: 'In' };

export function requiredOutput(id: string, label: string): OutputPort {
  return { id, label, required: true };
}
