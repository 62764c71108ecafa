-- A disclosure shortened by configuration (the local stack's demo) ends at an instant rather than
-- after its last working day; null for every disclosure under the rules' 20 working days.
alter table project add column disclosure_ends_at timestamptz;
