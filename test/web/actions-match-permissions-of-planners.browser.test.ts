// The people who may change the project's plan, or everything.
import { describeOfferedActions } from './offered-actions';

describeOfferedActions('planners');
