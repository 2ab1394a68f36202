import {
  BadgeCheck,
  CircleArrowUp,
  CircleDot,
  CircleStop,
  Flag,
  GitBranch,
  Hand,
  ListTodo,
  Merge,
  MessagesSquare,
  Send,
  Split,
  Timer,
  Webhook,
  Zap,
  type LucideIcon,
} from 'lucide-react';
import { isNodeKind, nodeDef } from '../../../../workflows/flow';

/** The catalog names its icons with Lucide's names; this maps them to the glyphs the page ships. */
const icons: Record<string, LucideIcon> = {
  zap: Zap,
  send: Send,
  hand: Hand,
  'badge-check': BadgeCheck,
  'arrow-up-circle': CircleArrowUp,
  'git-branch': GitBranch,
  split: Split,
  merge: Merge,
  timer: Timer,
  flag: Flag,
  'list-todo': ListTodo,
  webhook: Webhook,
  'messages-square': MessagesSquare,
  'circle-stop': CircleStop,
};

export function StepIcon({ kind, size = 16 }: { kind: string; size?: number }) {
  const Icon = (isNodeKind(kind) ? icons[nodeDef(kind).icon] : undefined) ?? CircleDot;
  return <Icon size={size} aria-hidden="true" strokeWidth={2} />;
}
