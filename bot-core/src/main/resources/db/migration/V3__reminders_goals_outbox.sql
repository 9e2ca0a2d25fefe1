-- Reminders, weekly goals and the outbox. Per-learner schedule state lives here (rule, zone, next fire time);
-- Quartz only drives one cluster-wide sweep job, never one trigger per learner.

-- A learner's reminder. The rule is wall-clock in the learner's zone: kind 'once' fires at next_fire_at;
-- 'daily' at local_time every day; 'weekly' at local_time on day_of_week (1 = Monday).
create table reminder (
    id           bigserial primary key,
    learner_id   bigint      not null references learner (id) on delete cascade,
    body         text        not null check (char_length(body) between 1 and 1000),
    kind         text        not null check (kind in ('once', 'daily', 'weekly')),
    local_time   time,
    day_of_week  smallint check (day_of_week between 1 and 7),
    zone         text        not null,
    next_fire_at timestamptz,
    active       boolean     not null default true,
    created_at   timestamptz not null
);
create index reminder_due on reminder (next_fire_at) where active;
create index reminder_learner on reminder (learner_id) where active;

-- Per-learner scheduling state: weekly planning (rule copied from the learner's settings so a change is
-- noticed), mid-week nudge, pause and quiet hours.
create table learner_schedule (
    learner_id     bigint primary key references learner (id) on delete cascade,
    plan_rule      text,
    next_plan_at   timestamptz,
    nudge_at       timestamptz,
    nudges         boolean not null default true,
    paused_until   timestamptz,
    quiet_start    time,
    quiet_end      time
);
create index learner_schedule_plan on learner_schedule (next_plan_at);
create index learner_schedule_nudge on learner_schedule (nudge_at) where nudge_at is not null;

-- The goals of one learner's week (week_start = local date the week was planned).
create table weekly_goal (
    learner_id  bigint      not null references learner (id) on delete cascade,
    week_start  date        not null,
    position    smallint    not null,
    unit_id     text        not null,
    hours       integer     not null,
    carried     boolean     not null default false,
    done_at     timestamptz,
    primary key (learner_id, week_start, unit_id)
);

-- Messages the bot sends on its own, written in the same transaction that advances the schedule.
-- A sender claims rows (SKIP LOCKED + a lease) and marks them sent only once the platform accepted them.
create table outbox (
    id              bigserial primary key,
    learner_id      bigint      references learner (id) on delete cascade,
    platform        text        not null,
    chat_id         text        not null,
    direct          boolean     not null,
    kind            text        not null,
    dedupe_key      text        not null unique,
    body            text        not null,
    buttons         jsonb       not null default '[]'::jsonb,
    status          text        not null default 'pending' check (status in ('pending', 'sent', 'dead')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    lease_until     timestamptz,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    last_error      text
);
create index outbox_pending on outbox (next_attempt_at) where status = 'pending';
create index outbox_learner on outbox (learner_id, status);
