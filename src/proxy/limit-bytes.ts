/** Counts bytes through the stream and errors once more than `max` have passed. */
export function limitBytes(max: number, onExceeded: () => void): TransformStream<Uint8Array, Uint8Array> {
  let seen = 0
  return new TransformStream({
    transform(chunk, controller) {
      seen += chunk.byteLength
      if (seen > max) {
        onExceeded()
        controller.error(new RangeError('request body too large'))
      } else {
        controller.enqueue(chunk)
      }
    },
  })
}
