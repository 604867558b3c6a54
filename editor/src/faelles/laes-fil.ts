// Reads a user's file in chunks with progress, and can be cancelled.
export async function laesFil(
  fil: File,
  { signal, onProgress }: { signal?: AbortSignal; onProgress?: (laest: number, ialt: number) => void } = {},
): Promise<string> {
  const laeser = fil.stream().getReader();
  const dekoder = new TextDecoder("utf-8");
  let tekst = "";
  let laest = 0;
  for (;;) {
    if (signal?.aborted) {
      await laeser.cancel();
      throw new DOMException("Afbrudt", "AbortError");
    }
    const { done, value } = await laeser.read();
    if (done) break;
    laest += value.byteLength;
    tekst += dekoder.decode(value, { stream: true });
    onProgress?.(laest, fil.size);
  }
  return tekst + dekoder.decode();
}
