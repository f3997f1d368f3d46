/** The topics API: what goes in (one redacted document per conversation) and what comes out (two levels of clusters). */

export interface TopicDocument {
  /** The conversation's key (unique). */
  key: string;
  /** The pseudonymous participant. */
  participant: string;
  /** The user's redacted words of one conversation. */
  text: string;
}

export interface TopicOptions {
  /** Seed of k-means++ and of the fitting sample (default 1). */
  seed?: number;
  /** A term, a cluster, a label needs at least this many distinct participants. */
  kUsers: number;
  /** A cluster needs at least this many conversations. */
  kConversations: number;
  /** Upper bound on top-level clusters (default 20); the number used is chosen from the data size. */
  topLevelClusters?: number;
  /** Upper bound on sub-clusters inside one top-level cluster (default 5). */
  subClusters?: number;
  /** Terms per label (default 5). */
  labelTerms?: number;
}

export interface TopicCluster {
  /** '3' for a top-level cluster, '3.2' for its second sub-cluster; numbered by size. */
  id: string;
  /** The most distinctive terms, each used by at least kUsers participants; empty when suppressed. */
  label: string[];
  /** Conversations in the cluster; 0 when suppressed (the value is withheld, not zero). */
  conversations: number;
  /** Distinct participants in the cluster; 0 when suppressed. */
  participants: number;
  /** Below kUsers participants or kConversations conversations, or hidden so a total cannot reveal one that is. */
  suppressed: boolean;
  /** The second level; empty for sub-clusters, for suppressed clusters, and for clusters too small to split. */
  children: TopicCluster[];
}

export interface TopicsResult {
  clusters: TopicCluster[];
  /** Documents with at least one vocabulary term (the rest are unassigned). */
  documentsUsed: number;
  /** Documents with no vocabulary term. */
  unassigned: number;
  /** Terms in the vocabulary. */
  vocabulary: number;
  /** How the clusters were made, in one line (for the report's methods). */
  method: string;
}
