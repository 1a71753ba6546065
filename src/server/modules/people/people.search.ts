import type { Executor } from '../../db/types.ts';
import { indexDocument } from '../search/search.index.ts';
import { parseTags, positionSubtitle, sortPositions, toPositionDto } from './people.mapper.ts';
import { findPerson, positionsOf } from './people.repository.ts';

/**
 * Rewrites a person's search document from what is stored now (name, email, tags, positions), inside
 * the writing transaction. One helper for everything that changes people: the people service, the
 * directory import and merge. `today` ('YYYY-MM-DD') decides which position is current.
 */
export async function reindexPerson(ex: Executor, institutionId: string, personId: string, today: string): Promise<void> {
  const p = await findPerson(ex, institutionId, personId);
  if (!p) return;
  const positions = sortPositions((await positionsOf(ex, institutionId, [personId])).map((r) => toPositionDto(r, today)));
  await indexDocument(ex, {
    type: 'person', id: p.id, institutionId, title: p.name, subtitle: positionSubtitle(positions),
    body: [p.email, ...parseTags(p.tags), ...positions.map((x) => x.title), ...positions.map((x) => x.orgUnitName), p.motivations, p.needs],
  });
}
