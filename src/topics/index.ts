/** Topics per conversation set: two-level TF-IDF k-means clusters whose labels and counts obey the k-thresholds. */
export { buildTopics, buildTopicsWithAssignment, clusterCount, FIT_SAMPLE, type TopicAssignment } from './build-topics.ts';
export type { TopicCluster, TopicDocument, TopicOptions, TopicsResult } from './types.ts';
