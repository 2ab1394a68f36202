import { describe, expect, it } from 'vitest';
import * as domain from '../../../workflows/domain';

describe('the domain index', () => {
  it('exports the rules the API and the workflows use', () => {
    for (const name of [
      'decomposeTarget',
      'decomposeTargetTree',
      'checkSmart',
      'smartGoalSchema',
      'addBusinessDuration',
      'subtractBusinessDuration',
      'addCalendarDuration',
      'assessProgress',
      'rankMembers',
      'parseKpiCsv',
      'parseCsv',
    ]) {
      expect(domain).toHaveProperty(name);
    }
  });
});
