/** The sales plan page: the frame around its parts (each part has its own catalog). */
export const salesPlan = {
  page: {
    title: 'Sales plan',
    summary: 'Each person’s quota, the funnel behind the number, the scorecard, incentives, training and where the year is heading.',
    empty: 'Nothing in this sales plan yet.',
  },
};
