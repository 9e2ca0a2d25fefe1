-- A file sent with an outbox message (the PNG chart of a group's weekly summary).
alter table outbox
    add column attachment_name text,
    add column attachment_type text,
    add column attachment      bytea;
