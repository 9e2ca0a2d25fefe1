-- Study groups: a Telegram group or a Discord channel that checks in every week.
create table study_group (
    id           bigserial primary key,
    platform     text        not null,
    chat_id      text        not null,
    title        text        not null default '',
    timezone     text        not null,
    checkin_day  smallint    not null check (checkin_day between 1 and 7),
    checkin_time time        not null,
    window_hours integer     not null default 24 check (window_hours between 1 and 168),
    lang         text        not null default 'en' check (lang in ('en', 'zh')),
    status       text        not null default 'active' check (status in ('active', 'paused', 'off')),
    next_open_at timestamptz,
    created_by   text        not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    unique (platform, chat_id)
);
create index study_group_due on study_group (next_open_at) where status = 'active';

create table group_member (
    group_id   bigint      not null references study_group (id) on delete cascade,
    learner_id bigint      not null references learner (id) on delete cascade,
    joined_at  timestamptz not null,
    away_until timestamptz,
    primary key (group_id, learner_id)
);
create index group_member_learner on group_member (learner_id);

-- One week's check-in of one group. State moves open -> nudged -> closed, each step taken once by one instance.
create table checkin_window (
    id                bigserial primary key,
    group_id          bigint      not null references study_group (id) on delete cascade,
    week_start        date        not null,
    opens_at          timestamptz not null,
    nudge_at          timestamptz not null,
    closes_at         timestamptz not null,
    state             text        not null default 'open' check (state in ('open', 'nudged', 'closed')),
    summary_posted_at timestamptz,
    unique (group_id, week_start)
);
create index checkin_window_pending on checkin_window (state, nudge_at, closes_at) where state <> 'closed';

create table checkin_answer (
    window_id   bigint      not null references checkin_window (id) on delete cascade,
    learner_id  bigint      not null references learner (id) on delete cascade,
    done        text        not null,
    next        text        not null,
    blockers    text        not null,
    late        boolean     not null default false,
    answered_at timestamptz not null,
    edited_at   timestamptz,
    primary key (window_id, learner_id)
);

-- "Teach what you learned": a learner's journal, highlighted in their group's weekly summary.
create table learner_note (
    id         bigserial primary key,
    learner_id bigint      not null references learner (id) on delete cascade,
    text       text        not null,
    created_at timestamptz not null
);
create index learner_note_recent on learner_note (learner_id, created_at);
