-- A serial block carries the project and vintage of its issuance and lies inside its serial range.
alter table issuance add constraint issuance_id_project_vintage unique (id, project_id, vintage);
alter table serial_block add constraint serial_block_of_its_issuance
    foreign key (issuance_id, project_id, vintage) references issuance (id, project_id, vintage);

create function serial_block_within_its_issuance() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from issuance i where i.id = new.issuance_id
                   and new.first_serial >= i.first_serial and new.last_serial <= i.last_serial) then
        raise exception 'serial block % to % lies outside the range of issuance %',
            new.first_serial, new.last_serial, new.issuance_id using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger serial_block_within_its_issuance before insert or update of first_serial, last_serial, issuance_id
    on serial_block for each row execute function serial_block_within_its_issuance();
