/** One palette for every chart: plan grey, actual blue, met green, missed red, forecast violet. */
export const chartColours = {
  planned: '#64748b',
  actual: '#2563eb',
  met: '#067647',
  missed: '#d92d20',
  pending: '#98a2b3',
  forecast: '#7c3aed',
} as const;
