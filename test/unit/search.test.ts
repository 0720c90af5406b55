import { describe, expect, it } from 'vitest';
import { emptyRecord, type DocRecord } from '../../src/core/document.js';
import { DEFAULT_KINDS } from '../../src/core/kinds.js';
import { searchDocuments, searchTerms } from '../../src/core/search.js';

function doc(id: string, title: string, body: string): DocRecord {
  const rec = emptyRecord(`rfcs/draft/${id}.md`, DEFAULT_KINDS.rfc!, body);
  rec.id = id;
  rec.title = title;
  return rec;
}

const found = (docs: DocRecord[], query: string) => searchDocuments(docs, query).map((h) => h.doc.id);

describe('search', () => {
  it('finds a term where a word starts, not inside another word', () => {
    const docs = [
      doc('RFC-0001', 'Cache the catalogue', 'We cache reads. The caches are cold after a deploy.'),
      doc('RFC-0002', 'Migrate the queue', 'No headache here: the backlog is small.'),
    ];
    expect(found(docs, 'cache')).toEqual(['RFC-0001']);
    // "ache" is inside "cache" and "headache": no word starts with it.
    expect(found(docs, 'ache')).toEqual([]);
    // A word's beginning finds it: "head" finds "headache", as "cache" finds "caches".
    expect(found(docs, 'head')).toEqual(['RFC-0002']);
    // A word after punctuation or a hyphen starts there too.
    expect(found([doc('RFC-0003', 'Read-through caching', '(cache-aside) is simpler')], 'aside')).toEqual(['RFC-0003']);
  });

  it('finds a term of a script written without spaces anywhere in the text', () => {
    const docs = [doc('RFC-0004', '認証方式の選定', '本文では認証方式を比較する。'), doc('RFC-0005', 'การเลือกฐานข้อมูล', 'เปรียบเทียบฐานข้อมูล')];
    expect(found(docs, '方式')).toEqual(['RFC-0004']);
    expect(found(docs, 'ฐานข้อมูล')).toEqual(['RFC-0005']);
  });

  it('takes words of any script with spaces at their starts, and ids whole', () => {
    const docs = [doc('RFC-0006', 'Überprüfung der Zugriffe', 'Die Überprüfung läuft nachts.'), doc('RFC-0007', 'Другое', 'Проверка доступа')];
    expect(found(docs, 'überprüfung')).toEqual(['RFC-0006']);
    expect(found(docs, 'prüfung')).toEqual([]);
    expect(found(docs, 'доступа')).toEqual(['RFC-0007']);
    expect(searchTerms('RFC-0007 доступ')).toEqual(['rfc-0007', 'доступ']);
    expect(found(docs, 'RFC-0007')[0]).toBe('RFC-0007');
  });

  it('ranks the document holding the whole query first, and its snippet shows the word found', () => {
    const docs = [
      doc('RFC-0008', 'Event store', 'Sourcing of events, stored once. Event sourcing elsewhere.'),
      doc('RFC-0009', 'Event sourcing for orders', 'We adopt event sourcing for the order history.'),
    ];
    const hits = searchDocuments(docs, 'event sourcing');
    expect(hits.map((h) => h.doc.id)).toEqual(['RFC-0009', 'RFC-0008']);
    expect(hits[0]!.snippet).toBe('We adopt event sourcing for the order history.');
  });
});
