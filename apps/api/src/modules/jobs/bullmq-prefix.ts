/**
 * BullMQ's key prefix: QUEUE_PREFIX inside a Redis Cluster hash tag, so every key of every queue hashes to
 * one slot and BullMQ's multi-key scripts work on a cluster as on one server. The reconciler's marker
 * lives under it too: moving from the untagged prefix (`caunoi:`) empties the queues as the worker sees
 * them, the marker is missing as well, and the worker re-creates every pending stage's job at once.
 */
export function bullmqPrefix(queuePrefix: string): string {
  return `{${queuePrefix}}`;
}
