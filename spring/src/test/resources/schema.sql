create table if not exists orders (id bigserial primary key, sku text not null, quantity int not null);
