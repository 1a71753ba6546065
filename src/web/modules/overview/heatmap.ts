import { maturityLabels, maturityLevels, signalExplanations, type SignalKey, type UnitSignalsDto } from '../../../shared/contracts/relationships.ts';
import type { OverviewSort, SortOrder } from './api.ts';

/** One heatmap column: a signal, how to read its number, and how to say it in words. */
export interface SignalColumn {
  key: SignalKey;
  label: string;
  /** the number behind sorting and shading; null when there is nothing to compare */
  value: (s: UnitSignalsDto) => number | null;
  text: (s: UnitSignalsDto) => string;
  /** days since the last engagement: fewer is stronger */
  lowerIsStronger?: boolean;
}

const oneDecimal = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 1 });
const percent = (n: number) => `${Math.round(n * 100)}%`;
const cadenceShare = (s: UnitSignalsDto) => {
  const c = s.cadence;
  const all = c ? c.done + c.due + c.overdue : 0;
  return c && all ? c.done / all : null;
};

export const columns: SignalColumn[] = [
  {
    key: 'maturity', label: 'Maturity',
    value: (s) => (s.maturity ? maturityLevels.indexOf(s.maturity) : null),
    text: (s) => (s.maturity ? maturityLabels[s.maturity] : 'Not assessed'),
  },
  {
    key: 'daysSinceLast', label: 'Days since last engagement', lowerIsStronger: true,
    // never engaged is the quietest of all: it sorts and shades past every number of days
    value: (s) => s.daysSinceLast ?? Number.POSITIVE_INFINITY,
    text: (s) => (s.daysSinceLast === null ? 'Never' : String(s.daysSinceLast)),
  },
  { key: 'engagements', label: 'Engagements', value: (s) => s.engagements, text: (s) => String(s.engagements) },
  { key: 'perMonth', label: 'Per month', value: (s) => s.perMonth, text: (s) => oneDecimal(s.perMonth) },
  { key: 'people', label: 'People', value: (s) => s.people, text: (s) => String(s.people) },
  { key: 'keyPeople', label: 'Key people', value: (s) => s.keyPeople, text: (s) => String(s.keyPeople) },
  { key: 'themes', label: 'Themes', value: (s) => s.themes, text: (s) => String(s.themes) },
  { key: 'depth', label: 'Depth', value: (s) => s.depth, text: (s) => oneDecimal(s.depth) },
  { key: 'partnerShare', label: 'Partner share', value: (s) => s.partnerShare, text: (s) => (s.partnerShare === null ? '—' : percent(s.partnerShare)) },
  {
    key: 'cadence', label: 'Cadence', value: cadenceShare,
    text: (s) => {
      const share = cadenceShare(s);
      return s.cadence ? `${s.cadence.done} done, ${s.cadence.due} due, ${s.cadence.overdue} overdue${share === null ? '' : ` (${percent(share)} done)`}` : 'No model applies';
    },
  },
];

export const explanationOf = (key: SignalKey) => signalExplanations[key];

/** Light to dark: every shade keeps near-black text above 7:1 contrast. */
export const shades = ['#e7f5ff', '#d0ebff', '#a5d8ff', '#74c0fc', '#4dabf7'] as const;
export const shadeWords = ['Weakest fifth', 'Second fifth', 'Middle fifth', 'Fourth fifth', 'Strongest fifth'] as const;
/** Maturity has four levels rather than fifths: no engagement lightest, inspiring pioneer darkest. */
const maturityShade = [0, 1, 3, 4] as const;

export type ShadeMap = Map<UnitSignalsDto, Partial<Record<SignalKey, number>>>;

/**
 * For each column, the fifth (0 weakest … 4 strongest) each department falls in among those shown.
 * Ties share a fifth: a value's rank is the count of values weaker than it.
 */
export function shadeIndex(items: UnitSignalsDto[]): ShadeMap {
  const out: ShadeMap = new Map(items.map((s) => [s, {}]));
  for (const col of columns) {
    const values = items.map(col.value).filter((v): v is number => v !== null);
    for (const [s, cell] of out) {
      const v = col.value(s);
      if (v === null) continue;
      const weaker = values.filter((o) => (col.lowerIsStronger ? o > v : o < v)).length;
      cell[col.key] = col.key === 'maturity' ? maturityShade[v] : Math.min(4, Math.floor((weaker / values.length) * 5));
    }
  }
  return out;
}

/** Sorted copy: the chosen order for values, departments without a value always last, then by name. */
export function sortSignals(items: UnitSignalsDto[], sort: OverviewSort, order: SortOrder): UnitSignalsDto[] {
  const byName = (a: UnitSignalsDto, b: UnitSignalsDto) => a.orgUnit.name.localeCompare(b.orgUnit.name, 'en-GB');
  const dir = order === 'asc' ? 1 : -1;
  if (sort === 'name') return [...items].sort((a, b) => dir * byName(a, b));
  const col = columns.find((c) => c.key === sort);
  if (!col) return items;
  return [...items].sort((a, b) => {
    const va = col.value(a);
    const vb = col.value(b);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    return va === vb ? byName(a, b) : dir * (va < vb ? -1 : 1);
  });
}
