create table orders (id int primary key, product int references products (id));
insert into orders values (1, 2), (2, 3);
