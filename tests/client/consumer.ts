// A small consumer of the generated types: strict mode must accept it as written.
import type { components, paths } from "./schema";

type Quote = components["schemas"]["Quote"];
type QuotePage = paths["/v1/quotes"]["get"]["responses"]["200"]["content"]["application/json"];
type Citation = components["schemas"]["Citation"];
type CheckResult = components["schemas"]["CheckResult"];
type Verdict = CheckResult["verdict"];

export function speakerName(quote: Quote): string {
  return quote.speaker === null ? "unattributed" : quote.speaker.name;
}

export function firstLines(page: QuotePage): string[] {
  const lines = page.data.map((quote) => `${speakerName(quote)}: ${quote.text} (${quote.kind})`);
  return page.next === null ? lines : [...lines, `more: ${page.next}`];
}

export function sliceInSource(text: string, quote: Quote): string {
  return text.slice(quote.span_utf16.start, quote.span_utf16.end);
}

export function reference(citation: Citation): string {
  return `${citation.citation} ${citation.text_fragment_url ?? citation.url ?? ""}`;
}

export function isGenuine(result: CheckResult): boolean {
  const genuine: Verdict[] = ["verbatim", "verbatim_with_omissions"];
  const match = result.matches[0];
  return genuine.includes(result.verdict) && match !== undefined && match.location === "quote";
}

type Source = components["schemas"]["Source"];

export function pagesFor(quote: Quote, source: Source): [string, string] {
  return [quote.links.html, source.links.html];
}
