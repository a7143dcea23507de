/**
 * Back-pressure for MediaRecorder's chunks on their way to the relay. The relay reads only as fast as its encoder
 * takes the stream, so a slow uplink or a busy relay shows up here as the socket's growing `bufferedAmount`. Rather
 * than let it grow (memory, and seconds of delay the learners would watch), a chunk that would take the buffer past
 * its limit is dropped and counted; the picture recovers at the next keyframe. The first chunk carries the WebM header
 * the relay cannot read the stream without, so it is always sent. A chunk larger than the relay's largest message is
 * sent in pieces: the relay reads the messages as one continuous stream.
 */
export class ChunkGate {
  /** Bytes handed to the socket so far. */
  handed = 0;
  /** Chunks dropped so far. */
  dropped = 0;
  private headerSent = false;

  constructor(private readonly bufferLimit: number, private readonly maxMessageBytes: number) {}

  /** The byte ranges `[start, end)` of a chunk of `size` bytes to send now, or none when it is dropped. */
  offer(size: number, bufferedAmount: number): Array<[number, number]> {
    if (size <= 0) return [];
    if (this.headerSent && bufferedAmount + size > this.bufferLimit) {
      this.dropped += 1;
      return [];
    }
    this.headerSent = true;
    this.handed += size;
    const pieces: Array<[number, number]> = [];
    for (let start = 0; start < size; start += this.maxMessageBytes) {
      pieces.push([start, Math.min(size, start + this.maxMessageBytes)]);
    }
    return pieces;
  }
}
