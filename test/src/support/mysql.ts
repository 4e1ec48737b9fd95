import mysql from 'mysql2/promise';

/** A mysql2 connection for a mysql:// or mariadb:// URL (tests read what the api wrote). */
export async function connectMysql(databaseUrl = process.env.DATABASE_URL): Promise<mysql.Connection> {
  if (!databaseUrl) throw new Error('DATABASE_URL is not set (is the vitest global setup configured?)');
  const url = new URL(databaseUrl.replace(/^(mariadb|mysql):/, 'http:'));
  return mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password || ''),
    database: url.pathname.replace(/^\//, '') || undefined,
    // bigint columns (quota) as strings: exact beyond 2^53.
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
}

/** Creates a database on the server of `adminUrl` (no database in the URL) if missing. */
export async function createDatabase(adminUrl: string, name: string): Promise<void> {
  const conn = await connectMysql(adminUrl);
  await conn.query(
    `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  await conn.end();
}
