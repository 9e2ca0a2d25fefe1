-- Every incoming update (a Telegram update, a Discord interaction) is written here before the platform is told it
-- arrived, then handled from here: in order per chat, once (the key recognises a re-delivery), on any instance.
-- user_id and chat_id let a learner's data be found and forgotten; handled rows are pruned after a while.
create table inbox (
    id           bigserial primary key,
    platform     text        not null,
    update_key   text        not null,
    user_id      text,
    chat_id      text        not null,
    payload      text        not null,
    received_at  timestamptz not null,
    claimed_by   text,
    lease_until  timestamptz,
    attempts     integer     not null default 0,
    handled_at   timestamptz,
    unique (platform, update_key)
);
-- The head of each chat's queue (the claim) and the prune of handled rows.
create index inbox_pending on inbox (platform, chat_id, id) where handled_at is null;
create index inbox_handled on inbox (handled_at) where handled_at is not null;
create index inbox_user on inbox (platform, user_id);
