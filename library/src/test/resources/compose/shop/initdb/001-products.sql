create table products (id int primary key, name text);
insert into products values (1, 'kettle'), (2, 'teapot'), (3, 'cup');
