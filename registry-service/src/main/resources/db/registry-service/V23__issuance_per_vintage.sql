-- A verified report is issued once per vintage (calendar year of removal): one issuance, with its
-- own serial range, per report and vintage. Invariant 6 now reads: (report, vintage) is unique.
alter table issuance drop constraint issuance_report_id_key;
alter table issuance add constraint issuance_once_per_report_and_vintage unique (report_id, vintage);
create index issuance_listing on issuance (issued_at, id);
