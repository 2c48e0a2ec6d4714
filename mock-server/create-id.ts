/** cuid-looking 25-character ids ("c" + time + counter + random), like the ones Loops returns. */
export function createIdFactory(now: () => number, random: () => number = Math.random): () => string {
  let counter = 0
  return () => {
    counter = (counter + 1) % 36 ** 4
    let rand = ''
    while (rand.length < 12) rand += Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')
    return `c${now().toString(36).padStart(8, '0').slice(-8)}${counter.toString(36).padStart(4, '0')}${rand.slice(0, 12)}`
  }
}
