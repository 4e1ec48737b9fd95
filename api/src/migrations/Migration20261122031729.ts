import { Migration } from '@mikro-orm/migrations';

export class Migration20261122031729 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`users\` add \`must_change_password\` tinyint(1) not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`users\` drop column \`must_change_password\`;`);
  }
}
