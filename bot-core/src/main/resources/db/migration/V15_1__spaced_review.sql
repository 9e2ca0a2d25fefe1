-- Spaced review of finished units. Every row has a learner_id that cascades, so erasing a learner erases these.

-- A learner's review settings and the next time the sweep looks at them (the local review time on the day the
-- earliest item is due; null when nothing is due or reviews are off). One row per learner who finished a unit.
create table review_schedule (
    learner_id   bigint      primary key references learner (id) on delete cascade,
    enabled      boolean     not null default true,
    review_time  time,                       -- null: the learner's check-in time
    next_run_at  timestamptz
);
create index review_schedule_due on review_schedule (next_run_at) where enabled and next_run_at is not null;

-- One finished unit under review. due_on is a local date in the learner's zone; streak counts the correct
-- answers since the unit was finished or last answered wrongly; ease stretches intervals past the fixed ladder.
-- pending_*: the question last sent and not yet answered (its round number guards against stale buttons).
create table review_item (
    id               bigserial   primary key,
    learner_id       bigint      not null references learner (id) on delete cascade,
    unit_id          text        not null,
    due_on           date        not null,
    interval_days    integer     not null check (interval_days between 1 and 365),
    streak           integer     not null default 0,
    ease             real        not null default 2.5,
    rounds           integer     not null default 0,
    pending_question text,
    pending_correct  smallint,
    pending_round    integer,
    created_at       timestamptz not null,
    unique (learner_id, unit_id)
);
create index review_item_due on review_item (learner_id, due_on);

-- Every answer given, for retention figures and the review streak.
create table review_answer (
    id          bigserial   primary key,
    learner_id  bigint      not null references learner (id) on delete cascade,
    item_id     bigint      not null references review_item (id) on delete cascade,
    question_id text        not null,
    correct     boolean     not null,
    answered_at timestamptz not null
);
create index review_answer_learner on review_answer (learner_id, answered_at);

-- A platform's poll id (a Telegram quiz) and the command line an answer to it stands for.
create table review_poll (
    platform      text        not null,
    poll_id       text        not null,
    learner_id    bigint      not null references learner (id) on delete cascade,
    item_id       bigint      not null references review_item (id) on delete cascade,
    answer_action text        not null,
    created_at    timestamptz not null,
    primary key (platform, poll_id)
);
create index review_poll_learner on review_poll (learner_id);
