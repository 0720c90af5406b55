/** Filename slugs: lower-case ASCII kebab, unicode folded, capped, never a path. */

export const MAX_SLUG_LENGTH = 60;

export function slugify(title: string, maxLength = MAX_SLUG_LENGTH): string {
  const folded = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // combining marks left by NFKD: é -> e
    .replace(/\u00df/g, 'ss')
    .replace(/[\u00e6\u00c6]/g, 'ae')
    .replace(/[\u00f8\u00d8]/g, 'o')
    .toLowerCase();
  let slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > maxLength) {
    slug = slug.slice(0, maxLength);
    // Cut at a word boundary when one is reasonably close, so the slug does not end mid-word.
    const lastDash = slug.lastIndexOf('-');
    if (lastDash > maxLength / 2) slug = slug.slice(0, lastDash);
    slug = slug.replace(/-+$/g, '');
  }
  return slug || 'untitled';
}
