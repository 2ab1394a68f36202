// Somebody not signed in and the people who may at most read or work on the project.
import { describeOfferedActions } from './offered-actions';

describeOfferedActions('readers');
