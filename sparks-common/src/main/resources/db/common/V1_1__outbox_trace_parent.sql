-- The W3C traceparent of the span that wrote each event, so the relay (another thread, later) continues that
-- trace when it publishes. Null for events written outside any trace and for rows older than this column.
-- Shared migrations are V1_<n> and touch only the shared tables; see quarkus.flyway.out-of-order.
alter table outbox_event add column trace_parent varchar(128);
