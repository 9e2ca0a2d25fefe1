-- One learner, several platform accounts: a person who uses the bot on Telegram and on Discord links the two
-- (/link) into one learner. The learner row keeps the home account (platform, user_id, chat_id: where personal
-- reminders go); every account, home or not, has a row here, so a caller is found by (platform, user_id).
create table learner_account (
    platform     text        not null,
    user_id      text        not null,
    chat_id      text        not null,
    display_name text        not null,
    learner_id   bigint      not null references learner (id) on delete cascade,
    linked_at    timestamptz not null,
    primary key (platform, user_id)
);
create index learner_account_learner on learner_account (learner_id);
insert into learner_account (platform, user_id, chat_id, display_name, learner_id, linked_at)
select platform, user_id, chat_id, display_name, id, created_at from learner;

-- A code from /link, valid a few minutes, used once. Only its SHA-256 is kept.
create table link_code (
    code_hash  text        primary key,
    learner_id bigint      not null unique references learner (id) on delete cascade,
    platform   text        not null,
    expires_at timestamptz not null
);

-- Wrong codes a learner sent recently: too many in a row and /link CODE refuses for a while (no brute force).
create table link_guard (
    learner_id   bigint      primary key references learner (id) on delete cascade,
    failures     integer     not null,
    window_start timestamptz not null
);

-- Portfolio projects (/project): the roadmap's one or two deep projects, with the article's milestones.
-- unit_id: the roadmap unit the project stands for (project-1, project-2), marked done when it is finished.
create table project (
    id          bigserial   primary key,
    learner_id  bigint      not null references learner (id) on delete cascade,
    title       text        not null check (char_length(title) between 1 and 200),
    unit_id     text,
    status      text        not null default 'active' check (status in ('active', 'finished', 'dropped')),
    started_at  timestamptz not null,
    finished_at timestamptz
);
create index project_learner on project (learner_id, status);

create table project_milestone (
    project_id bigint      not null references project (id) on delete cascade,
    milestone  smallint    not null check (milestone between 1 and 5),
    done_at    timestamptz not null,
    primary key (project_id, milestone)
);

-- Proof of work: a link to what the learner made for a unit or a project milestone (a notebook, a repository,
-- a post).
create table work_link (
    id         bigserial   primary key,
    learner_id bigint      not null references learner (id) on delete cascade,
    unit_id    text,
    project_id bigint      references project (id) on delete cascade,
    milestone  smallint,
    url        text        not null check (char_length(url) between 10 and 500),
    created_at timestamptz not null
);
create index work_link_recent on work_link (learner_id, created_at);
