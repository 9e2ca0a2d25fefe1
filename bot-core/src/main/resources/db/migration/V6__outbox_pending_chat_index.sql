-- Giving up a chat (Outbox.unreachable: a blocked bot, a group the bot was removed from) finds its pending rows
-- by (platform, chat_id); without this index that read every pending row, once per unreachable chat of a fan-out.
create index outbox_pending_chat on outbox (platform, chat_id) where status = 'pending';
