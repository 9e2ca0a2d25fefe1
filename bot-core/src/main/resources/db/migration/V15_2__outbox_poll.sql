-- A quiz sent with an outbox message: platforms with native quizzes (Telegram) send it instead of the body.
alter table outbox add column poll jsonb;
