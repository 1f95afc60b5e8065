-- Kanade backend schema. One schema for SQLite and PostgreSQL: times are epoch milliseconds (bigint),
-- booleans are boolean, raw bytes are base64 text. The database is a projection rebuildable from the streams.

create table agents (
    pc_id                    varchar(255) primary key,
    hostname                 varchar(255),
    os_family                varchar(32),
    agent_version            varchar(64),
    instance_id              varchar(64),
    last_heartbeat           bigint       not null,
    conflicting_instance_id  varchar(64),
    conflict_seen_at         bigint,
    updated_at               bigint       not null
);

create table execution_results (
    result_id         varchar(64)  primary key,
    request_id        varchar(255) not null,
    job_id            varchar(255),
    pc_id             varchar(255) not null,
    manifest_id       varchar(255),
    exit_code         integer      not null,
    skipped           boolean      not null,
    stdout            text         not null,
    stderr            text         not null,
    stdout_truncated  boolean      not null,
    stderr_truncated  boolean      not null,
    started_at        bigint       not null,
    finished_at       bigint       not null,
    recorded_at       bigint       not null,
    stream_seq        bigint       not null
);
create index ix_results_pc_finished on execution_results (pc_id, finished_at);
create index ix_results_finished on execution_results (finished_at);
create index ix_results_request on execution_results (request_id);

create table audit_log (
    stream_seq   bigint        primary key,
    actor        varchar(255)  not null,
    action       varchar(255)  not null,
    target       varchar(1024),
    payload      text,
    occurred_at  bigint        not null,
    recorded_at  bigint        not null
);
create index ix_audit_occurred on audit_log (occurred_at);

create table dead_letters (
    stream       varchar(64)   not null,
    stream_seq   bigint        not null,
    subject      varchar(1024) not null,
    raw_base64   text          not null,
    error        text          not null,
    recorded_at  bigint        not null,
    primary key (stream, stream_seq)
);
