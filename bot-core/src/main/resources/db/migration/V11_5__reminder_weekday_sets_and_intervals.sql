-- Reminders on several weekdays ("every weekday", "每周三和周五") and every n days from an anchor date
-- ("every other day", "every 2 weeks on Monday"). Existing rows keep working: a weekly reminder without
-- week_days fires on its day_of_week; a weekly one with week_days also keeps its first day in day_of_week.
alter table reminder add column week_days smallint check (week_days between 1 and 127); -- bit d-1 for ISO day d
alter table reminder add column every_days integer check (every_days between 2 and 366);
alter table reminder add column anchor_date date;
alter table reminder drop constraint reminder_kind_check;
alter table reminder add constraint reminder_kind_check
    check (kind in ('once', 'daily', 'weekly', 'every_n_days'));
alter table reminder add constraint reminder_every_n_days_complete
    check (kind <> 'every_n_days' or (every_days is not null and anchor_date is not null and local_time is not null));
