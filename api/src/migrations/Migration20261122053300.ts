import { Migration } from '@mikro-orm/migrations';

export class Migration20261122053300 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`channels\` modify \`first_byte_timeout_ms\` int not null default 600000;`);
    // Channels still on the old default get the new one (a long non-stream reasoning call
    // must not be cut by a default).
    this.addSql(
      `update \`channels\` set \`first_byte_timeout_ms\` = 600000 where \`first_byte_timeout_ms\` = 300000;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`channels\` modify \`first_byte_timeout_ms\` int not null default 300000;`);
  }
}
