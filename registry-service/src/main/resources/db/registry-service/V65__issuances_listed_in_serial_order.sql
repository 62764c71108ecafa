-- The public list of issuances is ordered by time, then by first serial (so the vintages of one
-- report, issued together, come in order), no longer by time, then id.
drop index issuance_listing;
create index issuance_listing on issuance (issued_at, first_serial);
