const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2025-03' → 'Mar 2025' */
export const monthLabel = (month: string) => {
  const [y, m] = month.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
};

/** 'Total_Item_Requests' → 'Total item requests' */
export const metricLabel = (metric: string) => {
  const words = metric.split('_').join(' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const count = (n: number) => n.toLocaleString('en-GB');
