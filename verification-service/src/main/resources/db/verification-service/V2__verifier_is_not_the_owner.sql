-- Independence: the owner of a project cannot be the verifier of its reports.
alter table monitoring_report add constraint monitoring_report_verifier_not_owner check (verifier_id <> owner_id);
