-- CCER credits removals generated after 2020-09-22, read as the registry reads "construction started after
-- 2012-11-08": the day itself is not after it, so a claim starts on 2020-09-23 at the earliest.
alter table monitoring_report drop constraint period_after_ccer_cutoff;
alter table monitoring_report add constraint period_after_ccer_cutoff check (period_start > date '2020-09-22');
