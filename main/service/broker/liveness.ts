/**
 * Dead-connection detection within twice the heartbeat. amqplib gives up after two heartbeat
 * intervals in which nothing arrived, checked once per interval, so a cut can take up to three
 * intervals to notice. The broker sends something at least every half interval, so silence for
 * one and a half intervals is three missed beats: the peer is gone, the socket is destroyed and
 * the session reconnects — noticed at most 1.6 intervals after the cut, within the two.
 */
import type { ChannelModel } from 'amqplib';

export function watchLiveness(model: ChannelModel, heartbeatSeconds: number): void {
  if (heartbeatSeconds <= 0) return;
  const stream = (model.connection as unknown as { stream?: NodeJS.ReadableStream & { destroy(err?: Error): void } }).stream;
  if (!stream) return;
  const limitMs = heartbeatSeconds * 1500;
  let lastData = Date.now();
  const onData = () => (lastData = Date.now());
  stream.on('data', onData);
  const timer = setInterval(() => {
    if (Date.now() - lastData < limitMs) return;
    clearInterval(timer);
    stream.destroy(Object.assign(new Error(`Nothing from the broker for ${limitMs / 1000} s (three missed heartbeats): the connection is dead`), { code: 'ETIMEDOUT' }));
  }, Math.max(100, heartbeatSeconds * 100));
  timer.unref();
  model.once('close', () => {
    clearInterval(timer);
    stream.removeListener('data', onData);
  });
}
