import { Migration } from '@mikro-orm/migrations';

export class Migration20261122020909 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`audit_logs\` (\`id\` bigint unsigned not null auto_increment primary key, \`actor_id\` int null, \`actor_name\` varchar(64) not null, \`action\` varchar(64) not null, \`target_type\` varchar(32) not null, \`target_id\` varchar(64) null, \`before\` json null, \`after\` json null, \`ip\` varchar(64) null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`audit_logs\` add index \`audit_logs_target_type_target_id_index\`(\`target_type\`, \`target_id\`);`,
    );
    this.addSql(
      `alter table \`audit_logs\` add index \`audit_logs_actor_id_created_at_index\`(\`actor_id\`, \`created_at\`);`,
    );
    this.addSql(`alter table \`audit_logs\` add index \`audit_logs_created_at_index\`(\`created_at\`);`);

    this.addSql(
      `create table \`channels\` (\`id\` int unsigned not null auto_increment primary key, \`type\` varchar(32) not null, \`name\` varchar(128) not null, \`keys\` json not null, \`key_hints\` json not null, \`disabled_keys\` json not null, \`key_strategy\` enum('round_robin', 'random') not null default 'round_robin', \`base_url\` varchar(512) not null, \`models\` json not null, \`groups\` json not null, \`priority\` int not null default 0, \`weight\` int not null default 1, \`model_mapping\` json not null, \`headers\` json not null, \`passthrough_headers\` json not null, \`connect_timeout_ms\` int not null default 10000, \`first_byte_timeout_ms\` int not null default 300000, \`stream_idle_timeout_ms\` int not null default 300000, \`stream_usage\` tinyint(1) not null default true, \`auto_test\` tinyint(1) not null default true, \`auto_disable\` tinyint(1) not null default true, \`config\` json not null, \`status\` enum('enabled', 'manually_disabled', 'auto_disabled') not null default 'enabled', \`status_reason\` varchar(512) null, \`response_time_ms\` int null, \`last_test_at\` datetime(3) null, \`balance_usd\` varchar(32) null, \`balance_updated_at\` datetime(3) null, \`used_quota\` bigint not null default 0, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`channels\` add index \`channels_status_index\`(\`status\`);`);

    this.addSql(
      `create table \`abilities\` (\`id\` int unsigned not null auto_increment primary key, \`group_name\` varchar(64) not null, \`model\` varchar(191) not null, \`channel_id\` int unsigned not null, \`priority\` int not null, \`weight\` int not null, \`enabled\` tinyint(1) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`abilities\` add index \`abilities_channel_id_index\`(\`channel_id\`);`);
    this.addSql(
      `alter table \`abilities\` add index \`abilities_group_name_model_enabled_priority_index\`(\`group_name\`, \`model\`, \`enabled\`, \`priority\`);`,
    );
    this.addSql(
      `alter table \`abilities\` add unique \`abilities_group_name_model_channel_id_unique\`(\`group_name\`, \`model\`, \`channel_id\`);`,
    );

    this.addSql(
      `create table \`user_groups\` (\`id\` int unsigned not null auto_increment primary key, \`name\` varchar(64) not null, \`ratio\` varchar(32) not null, \`description\` varchar(255) null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`user_groups\` add unique \`user_groups_name_unique\`(\`name\`);`);

    this.addSql(
      `create table \`model_prices\` (\`id\` int unsigned not null auto_increment primary key, \`model\` varchar(191) not null, \`model_ratio\` varchar(32) not null, \`completion_ratio\` varchar(32) not null default '1', \`cached_ratio\` varchar(32) not null default '1', \`cache_write_ratio\` varchar(32) not null default '1', \`reasoning_ratio\` varchar(32) null, \`per_call_quota\` bigint not null default 0, \`image_prices\` json not null, \`audio_per_minute_quota\` bigint null, \`audio_per1k_chars_quota\` bigint null, \`default_max_output_tokens\` int not null default 4096, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`model_prices\` add unique \`model_prices_model_unique\`(\`model\`);`);

    this.addSql(
      `create table \`options\` (\`option_key\` varchar(64) not null, \`option_value\` text not null, \`updated_at\` datetime(3) not null, primary key (\`option_key\`)) default character set utf8mb4 engine = InnoDB;`,
    );

    this.addSql(
      `create table \`redemptions\` (\`id\` int unsigned not null auto_increment primary key, \`code_hash\` varchar(64) not null, \`code_prefix\` varchar(16) not null, \`batch_name\` varchar(128) not null, \`quota\` bigint not null, \`status\` enum('unused', 'used', 'disabled') not null default 'unused', \`created_by_id\` int not null, \`redeemed_by_id\` int null, \`redeemed_at\` datetime(3) null, \`expires_at\` datetime(3) null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`redemptions\` add unique \`redemptions_code_hash_unique\`(\`code_hash\`);`);
    this.addSql(`alter table \`redemptions\` add index \`redemptions_batch_name_index\`(\`batch_name\`);`);

    this.addSql(
      `create table \`top_ups\` (\`id\` int unsigned not null auto_increment primary key, \`user_id\` int not null, \`amount\` bigint not null, \`kind\` enum('topup', 'adjustment', 'redemption') not null, \`reason\` varchar(255) not null, \`actor_id\` int null, \`redemption_id\` int null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`top_ups\` add index \`top_ups_user_id_created_at_index\`(\`user_id\`, \`created_at\`);`,
    );

    this.addSql(
      `create table \`usage_logs\` (\`id\` bigint unsigned not null auto_increment primary key, \`request_id\` varchar(64) not null, \`time\` datetime(3) not null, \`user_id\` int not null, \`token_id\` int not null, \`channel_id\` int null, \`endpoint\` varchar(64) not null, \`model\` varchar(191) not null, \`upstream_model\` varchar(191) null, \`group_name\` varchar(64) not null, \`prompt_tokens\` int not null, \`completion_tokens\` int not null, \`cached_tokens\` int not null default 0, \`cache_write_tokens\` int not null default 0, \`reasoning_tokens\` int not null default 0, \`quota\` bigint not null, \`latency_ms\` int not null, \`ttft_ms\` int null, \`stream\` tinyint(1) not null, \`status\` varchar(16) not null, \`http_status\` smallint not null, \`error_message\` text null, \`client_ip\` varchar(64) null, \`usage_estimated\` tinyint(1) not null default false, \`attempts\` json null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`usage_logs\` add unique \`usage_logs_request_id_unique\`(\`request_id\`);`);
    this.addSql(
      `alter table \`usage_logs\` add index \`usage_logs_status_time_index\`(\`status\`, \`time\`);`,
    );
    this.addSql(
      `alter table \`usage_logs\` add index \`usage_logs_channel_id_time_index\`(\`channel_id\`, \`time\`);`,
    );
    this.addSql(`alter table \`usage_logs\` add index \`usage_logs_model_time_index\`(\`model\`, \`time\`);`);
    this.addSql(
      `alter table \`usage_logs\` add index \`usage_logs_token_id_time_index\`(\`token_id\`, \`time\`);`,
    );
    this.addSql(
      `alter table \`usage_logs\` add index \`usage_logs_user_id_time_index\`(\`user_id\`, \`time\`);`,
    );
    this.addSql(`alter table \`usage_logs\` add index \`usage_logs_time_index\`(\`time\`);`);

    this.addSql(
      `create table \`usage_rollups\` (\`id\` bigint unsigned not null auto_increment primary key, \`bucket_start\` datetime(3) not null, \`user_id\` int not null, \`token_id\` int not null, \`channel_id\` int not null, \`model\` varchar(191) not null, \`requests\` bigint not null default 0, \`errors\` bigint not null default 0, \`prompt_tokens\` bigint not null default 0, \`completion_tokens\` bigint not null default 0, \`cached_tokens\` bigint not null default 0, \`cache_write_tokens\` bigint not null default 0, \`reasoning_tokens\` bigint not null default 0, \`quota\` bigint not null default 0, \`latency_sum_ms\` bigint not null default 0) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`usage_rollups\` add index \`usage_rollups_model_bucket_start_index\`(\`model\`, \`bucket_start\`);`,
    );
    this.addSql(
      `alter table \`usage_rollups\` add index \`usage_rollups_channel_id_bucket_start_index\`(\`channel_id\`, \`bucket_start\`);`,
    );
    this.addSql(
      `alter table \`usage_rollups\` add index \`usage_rollups_user_id_bucket_start_index\`(\`user_id\`, \`bucket_start\`);`,
    );
    this.addSql(
      `alter table \`usage_rollups\` add unique \`usage_rollups_bucket_start_user_id_token_id_channe_32991_unique\`(\`bucket_start\`, \`user_id\`, \`token_id\`, \`channel_id\`, \`model\`);`,
    );

    this.addSql(
      `create table \`users\` (\`id\` int unsigned not null auto_increment primary key, \`username\` varchar(64) not null, \`password_hash\` varchar(255) not null, \`role\` enum('root', 'admin', 'sales', 'user') not null, \`group_name\` varchar(64) not null default 'default', \`quota\` bigint not null default 0, \`used_quota\` bigint not null default 0, \`request_count\` bigint not null default 0, \`rpm\` int not null default 0, \`tpm\` int not null default 0, \`status\` enum('enabled', 'disabled') not null default 'enabled', \`display_name\` varchar(128) null, \`email\` varchar(255) null, \`created_by_id\` int null, \`last_login_at\` datetime(3) null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`users\` add unique \`users_username_unique\`(\`username\`);`);
    this.addSql(`alter table \`users\` add index \`users_role_index\`(\`role\`);`);

    this.addSql(
      `create table \`tokens\` (\`id\` int unsigned not null auto_increment primary key, \`user_id\` int unsigned not null, \`name\` varchar(128) not null, \`key_hash\` varchar(64) not null, \`key_prefix\` varchar(16) not null, \`status\` enum('enabled', 'disabled') not null default 'enabled', \`expires_at\` datetime(3) null, \`unlimited\` tinyint(1) not null default false, \`remain_quota\` bigint not null default 0, \`used_quota\` bigint not null default 0, \`models\` json null, \`ip_whitelist\` json null, \`group_name\` varchar(64) null, \`rpm\` int not null default 0, \`tpm\` int not null default 0, \`quota_reset\` enum('none', 'daily', 'monthly') not null default 'none', \`reset_amount\` bigint not null default 0, \`last_reset_at\` datetime(3) null, \`playground\` tinyint(1) not null default false, \`last_used_at\` datetime(3) null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`tokens\` add index \`tokens_user_id_index\`(\`user_id\`);`);
    this.addSql(`alter table \`tokens\` add unique \`tokens_key_hash_unique\`(\`key_hash\`);`);
    this.addSql(
      `alter table \`tokens\` add index \`tokens_user_id_created_at_index\`(\`user_id\`, \`created_at\`);`,
    );

    this.addSql(
      `create table \`access_tokens\` (\`id\` int unsigned not null auto_increment primary key, \`user_id\` int unsigned not null, \`name\` varchar(128) not null, \`kind\` enum('session', 'personal') not null, \`token_hash\` varchar(64) not null, \`prefix\` varchar(16) not null, \`last_used_at\` datetime(3) null, \`expires_at\` datetime(3) null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`access_tokens\` add index \`access_tokens_user_id_index\`(\`user_id\`);`);
    this.addSql(
      `alter table \`access_tokens\` add unique \`access_tokens_token_hash_unique\`(\`token_hash\`);`,
    );
    this.addSql(
      `alter table \`access_tokens\` add index \`access_tokens_expires_at_index\`(\`expires_at\`);`,
    );

    this.addSql(
      `alter table \`abilities\` add constraint \`abilities_channel_id_foreign\` foreign key (\`channel_id\`) references \`channels\` (\`id\`) on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table \`tokens\` add constraint \`tokens_user_id_foreign\` foreign key (\`user_id\`) references \`users\` (\`id\`) on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table \`access_tokens\` add constraint \`access_tokens_user_id_foreign\` foreign key (\`user_id\`) references \`users\` (\`id\`) on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`abilities\` drop foreign key \`abilities_channel_id_foreign\`;`);

    this.addSql(`alter table \`tokens\` drop foreign key \`tokens_user_id_foreign\`;`);

    this.addSql(`alter table \`access_tokens\` drop foreign key \`access_tokens_user_id_foreign\`;`);

    this.addSql(`drop table if exists \`audit_logs\`;`);

    this.addSql(`drop table if exists \`channels\`;`);

    this.addSql(`drop table if exists \`abilities\`;`);

    this.addSql(`drop table if exists \`user_groups\`;`);

    this.addSql(`drop table if exists \`model_prices\`;`);

    this.addSql(`drop table if exists \`options\`;`);

    this.addSql(`drop table if exists \`redemptions\`;`);

    this.addSql(`drop table if exists \`top_ups\`;`);

    this.addSql(`drop table if exists \`usage_logs\`;`);

    this.addSql(`drop table if exists \`usage_rollups\`;`);

    this.addSql(`drop table if exists \`users\`;`);

    this.addSql(`drop table if exists \`tokens\`;`);

    this.addSql(`drop table if exists \`access_tokens\`;`);
  }
}
