-- One database and one owner role per service: no service reads another's tables.
create role registry login password 'registry';
create database registry owner registry;
create role verification login password 'verification';
create database verification owner verification;
create role trading login password 'trading';
create database trading owner trading;
