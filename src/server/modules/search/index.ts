import type { FastifyInstance } from 'fastify';
import { searchQuery, searchResultDto, searchTypes, type SearchHitDto, type SearchQueryInput } from '../../../shared/contracts/search.ts';
import { actorOf, type Actor } from '../../http/actor.ts';
import { invalid } from '../../http/errors.ts';
import { errorResponses, typed } from '../../http/route.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { tokens } from '../../lib/text.ts';

/** Ranked prefix search over org units, people and engagements; FTS5 or tsvector behind the dialect. */
export function searchService({ db, dialect }: Pick<AppDeps, 'db' | 'dialect'>) {
  return {
    async search(actor: Actor, q: SearchQueryInput): Promise<{ hits: SearchHitDto[] }> {
      const words = tokens(q.q);
      if (!words.length) throw invalid('q', 'needs at least one letter or digit');
      const rows = await dialect.search(db, { institutionId: actor.institutionId, tokens: words, types: q.types ?? [...searchTypes], limit: q.limit });
      return { hits: rows.map((r) => ({ type: r.entity_type, id: r.entity_id, title: r.title, subtitle: r.subtitle })) };
    },
  };
}

export function registerSearch(app: FastifyInstance, deps: AppDeps) {
  const svc = searchService(deps);
  typed(app).get('/api/v1/search', { schema: { tags: ['search'], querystring: searchQuery, response: { 200: searchResultDto, ...errorResponses } } }, (req) =>
    svc.search(actorOf(req), req.query));
}
