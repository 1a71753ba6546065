import { describe, expect, it } from 'vitest';
import { openSqlite, withStatementCache } from './database.ts';

describe('withStatementCache', () => {
  it('hands out the same prepared statement for the same SQL, and a new one for other SQL', () => {
    const conn = openSqlite(':memory:');
    const db = withStatementCache(conn);
    const a = db.prepare('SELECT 1 AS x');
    expect(db.prepare('SELECT 1 AS x')).toBe(a);
    expect(db.prepare('SELECT 2 AS x')).not.toBe(a);
    expect(a.all([])).toEqual([{ x: 1 }]);
    db.close();
  });

  it('never shares a statement that is still being iterated', () => {
    const conn = openSqlite(':memory:');
    const db = withStatementCache(conn);
    const sql = 'SELECT value FROM json_each(?)';
    const first = db.prepare(sql);
    const it1 = first.iterate(['[1,2,3]']);
    expect(it1.next().value).toEqual({ value: 1 });
    const second = db.prepare(sql);
    expect(second).not.toBe(first);
    expect(second.all(['[7]'])).toEqual([{ value: 7 }]);
    // the first iteration carries on undisturbed
    expect([...it1]).toEqual([{ value: 2 }, { value: 3 }]);
    expect(db.prepare(sql)).toBe(first);
    db.close();
  });

  it('keeps at most `max` statements, dropping the least recently used', () => {
    const conn = openSqlite(':memory:');
    const db = withStatementCache(conn, 2);
    const one = db.prepare('SELECT 1');
    const two = db.prepare('SELECT 2');
    expect(db.prepare('SELECT 1')).toBe(one); // now 2 is the oldest
    db.prepare('SELECT 3');
    expect(db.prepare('SELECT 1')).toBe(one);
    expect(db.prepare('SELECT 2')).not.toBe(two);
    db.close();
  });
});
