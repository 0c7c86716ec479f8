-- Observability: the trace each email continues, and when the participant completed the assessment that the
-- invitation answers (for the completion-to-invitation time). Both null for rows written before.

-- The W3C traceparent of the event handler that queued the email; the mail sender continues that trace.
alter table notification add column trace_parent varchar(128);

-- From match.proposed.v1's assessmentCompletedAt.
alter table invitation add column assessment_completed_at timestamptz;
