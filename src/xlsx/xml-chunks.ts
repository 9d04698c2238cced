/**
 * Writes a large XML part as UTF-8 chunks of about a megabyte, each compressed as soon as it is complete: a
 * 70,000-row sheet is never held as one string, nor uncompressed.
 */
import { DeflatedPart } from "./write-zip";
import type { ZipCodec } from "./zip-codec";

const CHUNK_CHARACTERS = 1 << 19;

export class XmlChunks {
  /** Appended with +=: V8 keeps it as a rope and flattens it once, when encoded (faster than join here). */
  private current = "";
  private readonly part: DeflatedPart;
  private readonly encoder = new TextEncoder();

  constructor(codec: ZipCodec) {
    this.part = new DeflatedPart(codec);
  }

  write(text: string): void {
    this.current += text;
    if (this.current.length >= CHUNK_CHARACTERS) this.flush();
  }

  private flush(): void {
    if (this.current === "") return;
    this.part.add(this.encoder.encode(this.current));
    this.current = "";
  }

  /** See DeflatedPart.drain. */
  drain(): Promise<void> {
    return this.part.drain();
  }

  /** The part, its last chunk handed to the compressor (writeZip waits for the compressed bytes). */
  finish(): DeflatedPart {
    this.flush();
    return this.part;
  }
}
