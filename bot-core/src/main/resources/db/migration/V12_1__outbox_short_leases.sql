-- A tighter outbox (short leases the live sender renews) and a sender that runs on its own.
--
-- lease_token: which drain holds a row's lease, so a live sender renews exactly its own rows and a sender
-- that was frozen sees the rows another one took over. priority: what a person waits for now (a reminder,
-- a group check-in) goes before a weekly fan-out (goals, nudges) that is already minutes long.
alter table outbox
    add column lease_token uuid,
    add column priority    smallint not null default 0;
update outbox set priority = 1 where kind in ('goals', 'nudge');

drop index outbox_pending;
create index outbox_due on outbox (priority, next_attempt_at, id) where status = 'pending';
create index outbox_lease_token on outbox (lease_token) where status = 'pending' and lease_token is not null;

-- One outbox sender per cluster (so the platform's rate budget is one): the instance holding this short
-- lease drains; it renews it every few seconds, and a frozen or dead holder loses it within seconds.
create table outbox_sender (
    name        text primary key,
    holder      text        not null,
    lease_until timestamptz not null
);
