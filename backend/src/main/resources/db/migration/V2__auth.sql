-- Accounts, API tokens and login lockout. Unlike the rest of the schema these rows are authoritative: only
-- operators author them, through the backend; back them up (docs/backup.md).

create table users (
    username        varchar(64)  primary key,
    password_hash   varchar(255) not null,
    role            varchar(16)  not null,
    disabled        boolean      not null,
    must_change_pw  boolean      not null,
    created_at      bigint       not null,
    updated_at      bigint       not null,
    last_login_at   bigint
);

create table api_tokens (
    token_id      varchar(64)  primary key,
    name          varchar(128) not null unique,
    username      varchar(64)  not null references users (username) on delete cascade,
    token_hash    varchar(128) not null unique,
    created_by    varchar(64)  not null,
    created_at    bigint       not null,
    expires_at    bigint,
    last_used_at  bigint
);

create index api_tokens_username on api_tokens (username);

create table login_failures (
    subject       varchar(320) primary key,
    failures      integer      not null,
    window_start  bigint       not null,
    locked_until  bigint
);
