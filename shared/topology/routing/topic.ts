// Topic-exchange matching, reproducing RabbitMQ 3.10's trie walk
// (deps/rabbit/src/rabbit_exchange_type_topic.erl: split_topic_key/1,
// trie_match/4, trie_match_skip_any/4) as a plain function of
// (binding pattern, routing key). Pure: no I/O, no platform APIs.

/**
 * Splits a routing key or binding pattern into words the way the broker does.
 *
 * RabbitMQ's split_topic_key(<<>>) returns [] — the empty key has ZERO words,
 * not one empty word. Every other string splits on each '.', and empty words
 * are kept: "a..b" is ["a", "", "b"], "a." is ["a", ""], "." is ["", ""].
 * JavaScript's ''.split('.') yields [''], so the empty case is special-cased.
 */
export function splitTopicKey(key: string): string[] {
  return key === '' ? [] : key.split('.');
}

/**
 * True when a topic binding `pattern` matches `routingKey`.
 *
 * Semantics (from the trie walk in rabbit_exchange_type_topic.erl):
 * - a literal word matches only the identical word (empty words included);
 * - `*` matches exactly one word, which may be the empty word;
 * - `#` matches zero or more words;
 * - wildcards are whole words only: "a*" or "#b" are literals.
 * Consequences worth remembering: "#" matches "", "*" does not match "",
 * the pattern "" matches only the key "", and "*" does not match "." (two
 * empty words) while "*.*" does.
 *
 * Implemented as bottom-up dynamic programming over (pattern word, key word)
 * suffix pairs, so it is O(patternWords × keyWords) time and needs no
 * recursion; a naive backtracking matcher goes exponential on patterns such
 * as "#.#.#.#.#.x" against long keys.
 */
export function topicMatches(pattern: string, routingKey: string): boolean {
  const p = splitTopicKey(pattern);
  const k = splitTopicKey(routingKey);
  const m = p.length;
  const n = k.length;

  // Rows are pattern positions, walked from the end. `next` holds
  // matches(p[i+1..], k[j..]) for every j; `cur` is being filled for p[i..].
  // Row m (empty pattern suffix) matches only the empty key suffix.
  let next = new Uint8Array(n + 1);
  next[n] = 1;
  let cur = new Uint8Array(n + 1);

  for (let i = m - 1; i >= 0; i--) {
    const word = p[i];
    if (word === '#') {
      // '#' either stops here (hand k[j..] to the rest of the pattern) or
      // swallows k[j] and stays on '#'. Filling j from n down to 0 makes
      // cur[j + 1] available when cur[j] needs it.
      cur[n] = next[n] ?? 0;
      for (let j = n - 1; j >= 0; j--) {
        cur[j] = next[j] || cur[j + 1] ? 1 : 0;
      }
    } else {
      // '*' or a literal consumes exactly one key word; nothing is left for
      // it to consume at j = n.
      cur[n] = 0;
      for (let j = n - 1; j >= 0; j--) {
        cur[j] = (word === '*' || word === k[j]) && next[j + 1] ? 1 : 0;
      }
    }
    [next, cur] = [cur, next];
  }

  return next[0] === 1;
}
