-- A monitored loss: a verified monitoring report whose net removals are negative is recorded as a
-- reversal of its project automatically, by the registry on the report's MonitoringReportVerified
-- event, not by an administrator. The report is named once: a redelivered or repeated event
-- records no second reversal.
alter table reversal add column report_id uuid unique;
alter table reversal alter column recorded_by drop not null;
alter table reversal add constraint reversal_recorded_by_someone check (recorded_by is not null or report_id is not null);
