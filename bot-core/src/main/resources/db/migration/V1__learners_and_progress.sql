-- Learners: one row per person per platform. Settings stay null until onboarding collects them.
create table learner (
    id                 bigserial primary key,
    platform           text        not null,
    user_id            text        not null,
    chat_id            text        not null,
    display_name       text        not null,
    lang               text        not null default 'en' check (lang in ('en', 'zh')),
    background         text check (background in ('scratch', 'developer', 'data-scientist', 'quant-student')),
    path               text check (path in ('software', 'data')),
    weekly_hours       integer check (weekly_hours between 1 and 80),
    timezone           text,
    checkin_day        smallint check (checkin_day between 1 and 7),
    checkin_time       time,
    onboarded_at       timestamptz,
    reachable          boolean     not null default true,
    unreachable_reason text,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    unique (platform, user_id)
);

-- What a learner marked on their route. Known units come from the background and are not stored.
create table unit_progress (
    learner_id bigint      not null references learner (id) on delete cascade,
    unit_id    text        not null,
    status     text        not null check (status in ('done', 'skipped')),
    marked_at  timestamptz not null,
    primary key (learner_id, unit_id)
);
create index unit_progress_marked on unit_progress (learner_id, marked_at);

-- A guided dialogue in progress (e.g. onboarding): the command and the answers so far.
-- Kept in the database so a restart or another instance continues where the learner was.
create table dialogue (
    learner_id bigint      primary key references learner (id) on delete cascade,
    command    text        not null,
    answers    jsonb       not null default '{}'::jsonb,
    updated_at timestamptz not null
);
