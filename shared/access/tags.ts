/**
 * A user's or a vhost's tags as one list, however they came: a list (the management API since 3.9),
 * a comma-separated string (older brokers, definitions files, the form's one text box).
 */
export function tagList(tags: unknown): string[] {
  const items = typeof tags === 'string' ? tags.split(',') : Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
  return items.map((t) => t.trim()).filter((t) => t !== '');
}
