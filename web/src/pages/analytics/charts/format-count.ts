/** A count with the locale's digit grouping ("47,102"). */
export function formatCount(locale: string, count: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(count);
}
