// Must NOT compile: a quote's speaker may be null.
import type { components } from "./schema";

export function speakerName(quote: components["schemas"]["Quote"]): string {
  return quote.speaker.name;
}
