import { Text } from '@mantine/core';

/** The 1–5 grid scores in words. */
export const scoreWords: Record<number, string> = { 1: 'Very low', 2: 'Low', 3: 'Moderate', 4: 'High', 5: 'Very high' };

export const scoreOptions = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} – ${scoreWords[n]}` }));

export const describeScore = (n: number | null) => (n == null ? 'Not set' : `${scoreWords[n] ?? n} (${n} of 5)`);

/** Where the person sits on the influence × interest grid, and what that suggests. */
export function stakeholderAdvice(influence: number | null, interest: number | null): string | null {
  if (influence == null || interest == null) return null;
  const highInfluence = influence >= 4;
  const highInterest = interest >= 4;
  if (highInfluence && highInterest) return 'Key partner: manage closely';
  if (highInfluence) return 'Keep satisfied';
  if (highInterest) return 'Keep informed';
  return 'Keep in view';
}

export function StakeholderPosition({ influence, interest }: { influence: number | null; interest: number | null }) {
  const advice = stakeholderAdvice(influence, interest);
  return (
    <>
      <Text size="sm"><Text span fw={600} size="sm">Influence:</Text> {describeScore(influence)}</Text>
      <Text size="sm"><Text span fw={600} size="sm">Interest:</Text> {describeScore(interest)}</Text>
      {advice && <Text size="sm" c="dimmed">{advice}</Text>}
    </>
  );
}
