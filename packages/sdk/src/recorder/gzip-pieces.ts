/**
 * Base64 of the gzip of text handed over in pieces: streamed through CompressionStream and
 * encoded by FileReader, both off the main thread; undefined where the browser has no
 * CompressionStream.
 */
export async function gzipPiecesToBase64(pieces: AsyncIterable<string>): Promise<string | undefined> {
  if (typeof CompressionStream === 'undefined') return undefined;
  const stream = new CompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const compressed = new Response(stream.readable).blob();
  const encoder = new TextEncoder();
  for await (const piece of pieces) await writer.write(encoder.encode(piece));
  await writer.close();
  const blob = await compressed;
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
  return url.slice(url.indexOf(',') + 1);
}
