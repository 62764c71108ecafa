-- Retirement purposes come from a fixed list (the uses the CCER rules name); the holder's own
-- words go to the note. Earlier free-text purposes become the note of a voluntary offset.
alter table retirement add column note text check (note is null or length(note) <= 1000);
update retirement set note = purpose, purpose = 'VOLUNTARY_OFFSET'
    where purpose not in ('COMPLIANCE_OFFSET', 'EVENT_NEUTRALITY', 'CORPORATE_NEUTRALITY', 'VOLUNTARY_OFFSET');
alter table retirement drop constraint retirement_purpose_check;
alter table retirement add constraint retirement_purpose_check
    check (purpose in ('COMPLIANCE_OFFSET', 'EVENT_NEUTRALITY', 'CORPORATE_NEUTRALITY', 'VOLUNTARY_OFFSET'));
create index retirement_listing on retirement (retired_at, id);
