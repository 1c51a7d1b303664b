import type { LinkEdge } from './types.ts';

export interface ClusterMember {
  id: string;
  lang: string;
  articleId: string;
  /** The article names another as its source: this version is a translation. */
  translated: boolean;
  publishedTs?: number;
  /** The language the speaker most likely spoke, when the spelling of the name tells. */
  speakerLanguage?: string;
  links: Array<{ id: string; confidence: number }>;
}

export interface ClusterAssignment {
  clusterId: string;
  originalId: string;
  members: string[];
}

/**
 * Connected components of the link graph. The cluster id is derived from the members alone, so the same links give
 * the same clusters whatever order they were discovered in.
 */
export function clustersOf(members: Map<string, ClusterMember>): ClusterAssignment[] {
  const seen = new Set<string>();
  const clusters: ClusterAssignment[] = [];
  for (const start of [...members.keys()].sort()) {
    if (seen.has(start)) continue;
    const component: string[] = [];
    const queue = [start];
    seen.add(start);
    while (queue.length) {
      const id = queue.pop()!;
      component.push(id);
      for (const link of members.get(id)?.links ?? []) {
        if (!seen.has(link.id) && members.has(link.id)) {
          seen.add(link.id);
          queue.push(link.id);
        }
      }
    }
    component.sort();
    clusters.push({ clusterId: `c-${component[0]}`, originalId: pickOriginal(component.map((id) => members.get(id)!)), members: component });
  }
  return clusters;
}

/** The version said in the speaker's language, else one that is not a translation, else the earliest. */
function pickOriginal(versions: ClusterMember[]): string {
  const rank = (v: ClusterMember) => [
    v.speakerLanguage && v.lang === v.speakerLanguage ? 0 : 1,
    v.translated ? 1 : 0,
    v.publishedTs ?? Number.MAX_SAFE_INTEGER,
  ];
  return [...versions].sort((x, y) => {
    const [rx, ry] = [rank(x), rank(y)];
    for (let k = 0; k < rx.length; k++) if (rx[k] !== ry[k]) return rx[k] - ry[k];
    return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  })[0].id;
}

/** Adds edges to both ends and drops links to members that no longer exist. */
export function applyEdges(members: Map<string, ClusterMember>, edges: LinkEdge[], removed: Set<string>): void {
  for (const member of members.values()) member.links = member.links.filter((l) => !removed.has(l.id));
  for (const edge of edges) {
    for (const [from, to] of [[edge.from, edge.to], [edge.to, edge.from]] as const) {
      const member = members.get(from);
      if (!member) continue;
      member.links = member.links.filter((l) => l.id !== to).concat({ id: to, confidence: edge.confidence });
    }
  }
}
